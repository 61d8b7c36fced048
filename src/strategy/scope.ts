/**
 * Which repositories an organisation report covers (docs/contract.md §10), from each repository's own
 * strategy file: none (it inherits the organisation's), one that extends the organisation's (`extends:
 * .github`; its own rules added), or one of its own (left out, and named). Pure: the edge read the files.
 */
import { extendsOf, parseStrategy } from "./parse.js";
import type { Strategy } from "./schema.js";

export type Tie = "organisation" | "inherits" | "extends";

export interface RepositoryFile {
  name: string;
  defaultBranch: string | null;
  /** Its own strategy file, null when it has none; text null when GitHub gave none (binary, too large). */
  file: { path: string; text: string | null } | null;
  /** Why the repository could not be read, when it could not. */
  unreadable?: string;
}

export interface InScope {
  name: string;
  tie: Tie;
  defaultBranch: string | null;
  /** The strategy that judges its pull requests: the organisation's, or its own merged with it. */
  strategy: Strategy;
}

export interface Scope {
  repositories: InScope[];
  leftOut: { name: string; reason: string }[];
}

export const ORG_REPO = ".github";

/** Whether an `extends` value names the owner's `.github` repository. */
function extendsOrg(target: string, owner: string): boolean {
  return target === ORG_REPO || target.toLowerCase() === `${owner}/${ORG_REPO}`.toLowerCase();
}

/**
 * `org` is the organisation's strategy and its file (for extending files to be merged with).
 * Extending files are parsed once per distinct text.
 */
export function organisationScope(
  owner: string,
  repositories: RepositoryFile[],
  org: { strategy: Strategy; text: string; file: string },
): Scope {
  const scope: Scope = { repositories: [], leftOut: [] };
  const merged = new Map<string, ReturnType<typeof parseStrategy>>();
  for (const r of repositories) {
    const inScope = (tie: Tie, strategy: Strategy) =>
      scope.repositories.push({ name: r.name, tie, defaultBranch: r.defaultBranch, strategy });
    if (r.unreadable !== undefined) {
      scope.leftOut.push({ name: r.name, reason: `could not be read (${r.unreadable})` });
    } else if (r.name.toLowerCase() === ORG_REPO) {
      inScope("organisation", org.strategy);
    } else if (!r.file) {
      inScope("inherits", org.strategy);
    } else if (r.file.text === null) {
      scope.leftOut.push({ name: r.name, reason: `its strategy file (${r.file.path}) could not be read` });
    } else {
      const target = extendsOf(r.file.text);
      if (target === undefined || !extendsOrg(target, owner)) {
        const what = target === undefined ? "has a strategy of its own" : `extends another strategy (${target})`;
        scope.leftOut.push({ name: r.name, reason: `${what} (${r.file.path})` });
        continue;
      }
      let parsed = merged.get(r.file.text);
      if (!parsed) {
        parsed = parseStrategy(r.file.text, r.file.path, { text: org.text, file: org.file });
        merged.set(r.file.text, parsed);
      }
      if (parsed.ok) inScope("extends", parsed.strategy);
      else {
        const first = parsed.errors[0];
        const detail = first ? ` (line ${first.line}: ${first.message})` : "";
        scope.leftOut.push({
          name: r.name,
          reason: `its strategy file (${r.file.path}) extends the organisation's but is not valid${detail}`,
        });
      }
    }
  }
  return scope;
}
