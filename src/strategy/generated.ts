/**
 * The committed files generated from the schema. One list, shared by the script that writes them and the
 * check (and test) that they are up to date.
 */
import { strategyJsonSchemaText } from "./json-schema.js";
import { configurationReference } from "./reference.js";

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: "schema/strategy.schema.json", content: strategyJsonSchemaText() },
    { path: "docs/configuration.md", content: configurationReference() },
  ];
}
