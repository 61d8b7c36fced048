/** `throughline schema`: the JSON Schema of strategy.yml, for editors and other tools. */
import { strategyJsonSchemaText } from "../strategy/json-schema.js";
import { parseArguments } from "./args.js";
import type { CliIO } from "./io.js";

export const summary = "print the JSON Schema of strategy.yml";

export const help = `Usage: throughline schema

Prints the JSON Schema of strategy.yml (the same one the app validates against), e.g.
  throughline schema > strategy.schema.json

Options:
  -h, --help   show this help`;

export async function schema(argv: string[], io: CliIO): Promise<number> {
  if (!parseArguments(argv, {}, help, io)) return 0;
  io.out(strategyJsonSchemaText().trimEnd());
  return 0;
}
