/** The JSON Schema editors use to complete and check `strategy.yml`, generated from the zod schema. */
import { z } from "zod";
import { strategySchema } from "./schema.js";

/** The project's home (package.json `repository`; a test keeps the two, app.yml and the README in step). */
export const PROJECT_HOME = "https://github.com/throughline/throughline";

/** Where editors fetch the schema: the committed file on the default branch of the project's home. */
export const STRATEGY_SCHEMA_URL =
  "https://raw.githubusercontent.com/throughline/throughline/main/schema/strategy.schema.json";

/** The schema's identity is its address. */

export function strategyJsonSchema(): Record<string, unknown> {
  // "input": what a person may write (defaults optional, labels unresolved), not what the app holds.
  const generated = z.toJSONSchema(strategySchema, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: STRATEGY_SCHEMA_URL,
    title: "Throughline strategy.yml",
    description:
      "An engineering strategy: the problems it exists to solve and how to recognise the work that serves them.",
    ...rest,
  };
}

/** Pretty and stable (zod keeps the schema's key order), with a final newline like any committed file. */
export function strategyJsonSchemaText(): string {
  return `${JSON.stringify(strategyJsonSchema(), null, 2)}\n`;
}
