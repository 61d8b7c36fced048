/** The prose around the generated field table of docs/configuration.md. */
import { STRATEGY_SCHEMA_URL } from "./json-schema.js";

export const HEADER = `<!-- Generated from src/strategy/schema.ts by \`npm run schema\`. Edit the schema, not this file. -->

# \`strategy.yml\` reference

Every field of the strategy file, version 1. Fields marked *required* must be given; the others may be left
out and take the default shown. Keys not listed here are errors, so a typo cannot silently disable a rule.
Editors that understand JSON Schema can check the file as you type: make its first line
\`# yaml-language-server: $schema=${STRATEGY_SCHEMA_URL}\`.

| Field | Type | Default | Description |
| --- | --- | --- | --- |
`;

export const RULES = `
## Rules beyond types

- Problem \`id\`s are unique, and so are labels (compared without regard to case); \`settings.unaligned_label\`
  cannot be a problem's label.
- All \`share\`s together are at most 100.
- Each \`patterns\` entry is an RE2 regular expression (linear-time matching; \`(?i)\` makes it
  case-insensitive); each \`paths\` and \`branches\` entry is a glob with balanced brackets, and paths are
  relative to the repository root (no leading \`/\`).
- Each \`plan\` entry names exactly one of \`issue\`, \`milestone\` or \`label\`.
- A metric's \`count\` may use \`{period}\` and no other placeholder. A metric with neither \`current\` nor
  \`count\` is allowed: its current reading is unknown.
- \`effective.from\` and \`effective.until\` are calendar dates, \`from\` not after \`until\`.
- \`settings.report.schedule\` is a 5-field cron expression that fires at least once a year;
  \`settings.report.timezone\` is an IANA time zone name.
- \`extends\` is \`OWNER/REPO\` or \`.github\` (the owner's \`.github\` repository). The extended strategy must be
  valid on its own and cannot itself extend another. A local problem with an inherited \`id\` gives only
  what it changes: its \`match\` lists are added to the inherited ones, other fields replace them. A local
  problem with a new \`id\` needs a \`title\`. Top-level fields and \`settings\` (key by key) override.
- \`settings.project.url\` is a Project's address, \`https://github.com/orgs/OWNER/projects/N\` or
  \`https://github.com/users/OWNER/projects/N\` (a view's address, \`.../views/M\`, names the same Project).
  With \`settings.project\` set, problem titles are the field's options: no two alike (without regard to
  case), and none called \`Several\` or \`None\`.
- Files over 256 KiB, nesting deeper than 64 levels and more than 100 YAML aliases are refused.
`;
