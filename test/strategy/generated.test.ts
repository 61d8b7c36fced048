import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/strategy/generated.js";
import { STRATEGY_SCHEMA_URL, strategyJsonSchema } from "../../src/strategy/json-schema.js";

const root = new URL("../../", import.meta.url);

describe("files generated from the schema", () => {
  it.each(generatedFiles().map((f) => [f.path, f.content]))(
    "%s is committed as generated (run `npm run schema`)",
    (path, content) => {
      expect(readFileSync(new URL(path, root), "utf8")).toBe(content);
    },
  );

  it("the JSON Schema describes what a person writes", () => {
    const schema = strategyJsonSchema() as {
      $id: string;
      required: string[];
      additionalProperties: boolean;
      properties: {
        problems: { items: { required: string[] } };
        settings: { properties: { check: { default: string } } };
      };
    };
    expect(schema.$id).toBe(STRATEGY_SCHEMA_URL);
    expect(schema.required).toEqual(["version", "problems"]);
    expect(schema.additionalProperties).toBe(false);
    // Input shape: the label is optional (its default is resolved by the app, not written by people).
    expect(schema.properties.problems.items.required).toEqual(["id", "title"]);
    expect(schema.properties.settings.properties.check.default).toBe("warn");
  });

  it("the reference lists every field with its default", () => {
    const reference = generatedFiles().find((f) => f.path === "docs/configuration.md")?.content ?? "";
    expect(reference).toContain(
      "| `problems[].match.keywords` | list of text | `[]` | Whole words, case-insensitive, in the title or body. |",
    );
    expect(reference).toContain('| `settings.report.schedule` | text | `"0 9 1 * *"` |');
    expect(reference).toContain("| `version` | `1` | *required* |");
    expect(reference).toContain("default 'strategy: &lt;id&gt;'");
  });
});
