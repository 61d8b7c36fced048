import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

describe("throughline schema", () => {
  it("prints the strategy file's JSON Schema as JSON", async () => {
    const run = await cli(["schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema).toMatchObject({
      $id: "https://raw.githubusercontent.com/throughline/throughline/main/schema/strategy.schema.json",
      type: "object",
    });
    expect(schema.required).toEqual(expect.arrayContaining(["version", "problems"]));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["problems", "settings"]));
  });
});
