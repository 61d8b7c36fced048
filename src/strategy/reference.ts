/**
 * docs/configuration.md: one row per field of `strategy.yml`, read from the JSON Schema (and so from the
 * zod schema's descriptions and defaults), plus the rules no type can express.
 */
import { strategyJsonSchema } from "./json-schema.js";
import { HEADER, RULES } from "./reference-text.js";

interface Node {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: Node[];
  properties?: Record<string, Node>;
  items?: Node;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export function configurationReference(): string {
  return HEADER + rows(strategyJsonSchema() as Node, "").join("\n") + "\n" + RULES;
}

function rows(node: Node, prefix: string): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const field = prefix === "" ? name : `${prefix}.${name}`;
    const required = node.required?.includes(name) ?? false;
    const row = `| \`${field}\` | ${cell(typeText(child))} | ${cell(defaultText(child, required))} | ${cell(child.description ?? "")} |`;
    if (child.properties) return [row, ...rows(child, field)];
    // A mapping that may also be null (e.g. `settings.project`): its fields are listed too.
    const mapping = child.anyOf?.find((branch) => branch.properties);
    if (mapping) return [row, ...rows(mapping, field)];
    if (child.items?.properties) return [row, ...rows(child.items, `${field}[]`)];
    return [row];
  });
}

function typeText(node: Node): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  if (node.anyOf) return node.anyOf.map(typeText).join(" or ");
  if (node.type === "array")
    return `list of ${node.items ? plural(typeText(node.items)) : "values"}${range(node.minItems, node.maxItems)}`;
  if (node.type === "object") return "mapping";
  if (node.type === "number" || node.type === "integer") {
    const low = node.exclusiveMinimum !== undefined ? `more than ${node.exclusiveMinimum}` : undefined;
    const kind = node.type === "integer" ? "whole number" : "number";
    return low ? `${kind}, ${low}` : `${kind}${range(node.minimum, node.maximum)}`;
  }
  if (node.type === "string")
    return node.maxLength !== undefined ? `text, at most ${node.maxLength} characters` : "text";
  if (node.type === "boolean") return "`true` or `false`";
  return node.type ?? "any";
}

function plural(type: string): string {
  return type === "mapping" ? "mappings" : type;
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` (${min} to ${max})`;
  if (min !== undefined) return ` (at least ${min})`;
  return max !== undefined ? ` (at most ${max})` : "";
}

function defaultText(node: Node, required: boolean): string {
  if (required) return "*required*";
  if (node.default === undefined) return "";
  if (typeof node.default === "object" && node.default !== null && !Array.isArray(node.default))
    return "see its fields";
  return `\`${JSON.stringify(node.default)}\``;
}

/** Table cells: a pipe would end the cell, and `<id>` would read as an HTML tag. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\s+/g, " ");
}
