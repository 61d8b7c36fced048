/** Text to plain data, with every problem found on the way located in the text. */
import type { YAMLError } from "yaml";
import type { StrategyError } from "./errors.js";
import { sizeViolation } from "./limits.js";
import { toPlain } from "./plain.js";
import { createSource, errorAt, type Source } from "./source.js";
import { composeDocument } from "./yaml-document.js";

export interface Loaded {
  source: Source;
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
    return { source, data: undefined, errors: doc.errors.map((e) => errorAt(source, e.pos[0], [], yamlMessage(e))) };
  }
  const plain = toPlain(doc);
  const errors = plain.problems.map((p) => errorAt(source, p.offset, [], p.message));
  return { source, data: errors.length > 0 ? undefined : plain.value, errors };
}

function yamlMessage(error: YAMLError): string {
  if (error.code === "MULTIPLE_DOCS") return "the file holds more than one YAML document (a second `---`); keep one";
  const message = error.message.split("\n")[0].replace(/\.$/, "");
  // yaml's messages are sentences; ours are lower-case clauses after the path.
  return /^[A-Z][a-z]/.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
}
