/**
 * One home for the project: package.json `repository`, and every place that names it (the app manifest,
 * the README, the JSON Schema's `$id`, each example's `$schema` line, the example workflow's `uses:`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_HOME, STRATEGY_SCHEMA_URL } from "../../src/strategy/json-schema.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  repository: { type: string; url: string };
  homepage: string;
  bugs: string;
};
const readme = read("README.md");
const slug = new URL(PROJECT_HOME).pathname.slice(1); // "owner/name"

describe("one canonical home", () => {
  it("is package.json's repository", () => {
    expect(pkg.repository).toEqual({ type: "git", url: `git+${PROJECT_HOME}.git` });
    expect(pkg.homepage).toBe(`${PROJECT_HOME}#readme`);
    expect(pkg.bugs).toBe(`${PROJECT_HOME}/issues`);
  });

  it("is the app's URL in the manifest", () => {
    expect((parse(read("app.yml")) as { url: string }).url).toBe(PROJECT_HOME);
  });

  it("serves the JSON Schema, whose $id is that address", () => {
    expect(STRATEGY_SCHEMA_URL).toBe(`https://raw.githubusercontent.com/${slug}/main/schema/strategy.schema.json`);
    expect(JSON.parse(read("schema/strategy.schema.json")).$id).toBe(STRATEGY_SCHEMA_URL);
    expect(read("docs/configuration.md")).toContain(`# yaml-language-server: $schema=${STRATEGY_SCHEMA_URL}`);
  });

  it("is what every example strategy points editors at, an absolute URL that works once copied", () => {
    const examples = readdirSync(new URL("../../examples/", import.meta.url)).filter(
      (f) => f.endsWith(".yml") && f !== "workflow.yml",
    );
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const name of examples) {
      const schemaLines = read(`examples/${name}`)
        .split("\n")
        .filter((line) => line.includes("$schema="));
      expect([name, schemaLines]).toEqual([name, [`# yaml-language-server: $schema=${STRATEGY_SCHEMA_URL}`]]);
    }
  });

  it("is the only home the README, the workflow and the docs name", () => {
    const texts = {
      "README.md": readme,
      "examples/workflow.yml": read("examples/workflow.yml"),
      "app.yml": read("app.yml"),
      "docs/guarantees.md": read("docs/guarantees.md"),
    };
    for (const [file, text] of Object.entries(texts)) {
      const schemas = [...text.matchAll(/\$schema=(\S+)/g)].map((m) => m[1]);
      for (const url of schemas) expect([file, url]).toEqual([file, STRATEGY_SCHEMA_URL]);
      // Any github.com or raw address of a repository called throughline is the home.
      const homes = [...text.matchAll(/(?:github\.com|githubusercontent\.com)\/([\w.-]+\/throughline)\b/g)].map(
        (m) => m[1],
      );
      for (const home of homes) expect([file, home]).toEqual([file, slug]);
      const uses = [...text.matchAll(/uses: ([\w.-]+\/[\w.-]+)@/g)].map((m) => m[1]);
      for (const action of uses) expect([file, action]).toEqual([file, slug]);
    }
    expect(readme).toContain(`uses: ${slug}@main`);
    expect(readme).toContain(`$schema=${STRATEGY_SCHEMA_URL}`);
  });
});
