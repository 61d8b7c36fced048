import { describe, expect, it } from "vitest";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";
import { cli, workdir } from "./helpers.js";

const cwd = () => workdir({ "strategy.yml": STRATEGY, "broken.yml": INVALID_STRATEGY });

describe("throughline explain", () => {
  it.each([
    { args: ["--title", "Checkout outage on Fridays"], problems: ["reliability"], level: "rules" },
    { args: ["--title", "Tidy up", "--file", "terraform/main.tf"], problems: ["costs"], level: "rules" },
    {
      args: ["--title", "Tidy up", "--branch", "hotfix/login", "--file", "terraform/main.tf"],
      problems: ["reliability", "costs"],
      level: "rules",
    },
    { args: ["--title", "Tidy up", "--label", "Incident"], problems: ["reliability"], level: "rules" },
    { args: ["--title", "Outage", "--body", "Serves: none"], problems: [], level: "explicit" },
    { args: ["--title", "Tidy up", "--closes", "12:strategy: costs,bug"], problems: ["costs"], level: "linked" },
    { args: ["--title", "Update the README"], problems: [], level: "none" },
  ])("$args → $problems ($level)", async ({ args, problems, level }) => {
    const run = await cli(["explain", ...args, "--json"], { cwd: cwd() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ problems, level });
  });

  it("prints the decision and its reasons as plain text for a terminal", async () => {
    const run = await cli(["explain", "--title", "Retry flaky calls <now> @ops_team", "--file", "infra/dns_zone.tf"], {
      cwd: cwd(),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^This item serves Reliability\.\n/);
    expect(run.stdout).toContain(
      "- Reliability (reliability): “flaky” in the title: “Retry flaky calls <now> @ops_team”; changes infra/dns_zone.tf",
    );
    expect(run.stdout).toContain("Ids: reliability, costs.");
    expect(run.stdout).not.toMatch(/\*\*|`|\\|&lt;|\u200d/);
  });

  it("prints the comment's Markdown with --markdown, as /strategy explain posts it", async () => {
    const run = await cli(["explain", "--title", "Retry flaky calls", "--file", "infra/dns.tf", "--markdown"], {
      cwd: cwd(),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^This item serves \*\*Reliability\*\*\.\n/);
    expect(run.stdout).toContain(
      "- **Reliability** (`reliability`): “flaky” in the title: “Retry flaky calls”; changes infra/dns.tf",
    );
    expect(run.stdout).toContain("Ids: `reliability`, `costs`.");
  });

  it("reads the strategy given with --strategy and refuses an invalid one", async () => {
    const run = await cli(["explain", "--strategy", "broken.yml", "--title", "x"], { cwd: cwd() });
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^broken\.yml:5:9 problems\[1\]\.id: /);
    expect(run.err.at(-1)).toBe("throughline explain: broken.yml is not valid (see `throughline validate`)");
  });

  it.each([
    [["explain"], "--title is required"],
    [["explain", "--title", "x", "--closes", "twelve"], '--closes takes NUMBER or NUMBER:LABEL,LABEL, not "twelve"'],
  ])("%j is a usage error", async (argv, message) => {
    const run = await cli(argv, { cwd: cwd() });
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe(`throughline explain: ${message}`);
  });
});
