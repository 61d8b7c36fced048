/** The JSON Schema editors use to complete and check `strategy.yml`, generated from the zod schema. */
import { z } from "zod";
import { strategySchema } from "./schema.js";

/** No web address is promised for the schema, so its identity is a name rather than a URL. */
export const STRATEGY_SCHEMA_ID = "urn:throughline:strategy-yml:1";

export function strategyJsonSchema(): Record<string, unknown> {
  // "input": what a person may write (defaults optional, labels unresolved), not what the app holds.
  const generated = z.toJSONSchema(strategySchema, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: STRATEGY_SCHEMA_ID,
    title: "Throughline strategy.yml",
    description: "An engineering strategy: the problems it exists to solve and how to recognise the work that serves them.",
    ...rest,
  };
}

/** Pretty and stable (zod keeps the schema's key order), with a final newline like any committed file. */
export function strategyJsonSchemaText(): string {
  return `${JSON.stringify(strategyJsonSchema(), null, 2)}\n`;
}
