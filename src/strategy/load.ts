/** Text to plain data, with every problem found on the way located in the text. */
import type { StrategyError } from "./errors.js";
import { sizeViolation } from "./limits.js";
import { toPlain } from "./plain.js";
import { createSource, errorAt, type SourceText } from "./source.js";
import { composeDocument } from "./yaml-document.js";
import { yamlErrors } from "./yaml-errors.js";

export interface Loaded {
  source: SourceText;
  /** Undefined when the text could not be read as YAML. */
  data: unknown;
  errors: StrategyError[];
}

export function loadYaml(text: string, file: string): Loaded {
  const source = createSource(text, file);
  const size = sizeViolation(text);
  if (size) return { source, data: undefined, errors: [errorAt(source, size.offset, [], size.message)] };
  const { doc, violation } = composeDocument(text);
  if (violation) return { source, data: undefined, errors: [errorAt(source, violation.offset, [], violation.message)] };
  source.doc = doc;
  if (doc.errors.length > 0) {
    return { source, data: undefined, errors: yamlErrors(source, doc.errors) };
  }
  const plain = toPlain(doc);
  const errors = plain.problems.map((p) => errorAt(source, p.offset, [], p.message));
  return { source, data: errors.length > 0 ? undefined : plain.value, errors };
}
