/** How values and types are named in messages, for people who write YAML rather than TypeScript. */

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  null: "nothing",
};

export function expectedName(expected: string): string {
  return (Object.hasOwn(EXPECTED, expected) ? EXPECTED[expected] : undefined) ?? expected;
}

/** A short description of a value as it appeared in the file: `"forty"`, `12`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** JSON quoting, cut short so a long value cannot swamp the message. */
export function quote(text: string, max = 40): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text);
}

/** A name from the file as inline code: one line, cut short, without backticks that would end the span. */
export function code(text: string, max = 40): string {
  if (text === "") return "(empty)";
  const flat = text.replace(/\s+/g, " ").replace(/`/g, "'");
  const chars = Array.from(flat);
  return `\`${chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat}\``;
}
