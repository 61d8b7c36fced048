/**
 * Reading plain data that has not been validated yet. Cross-field checks run beside the schema, so they
 * look before they touch: a value of the wrong type is the schema's to report, and is skipped here.
 */
import type { Path } from "./path.js";

export type Data = Record<string, unknown>;

export function isRecord(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function listAt(value: unknown, key: string): unknown[] {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list : [];
}

export function recordAt(value: unknown, key: string): Data | undefined {
  const child = isRecord(value) ? value[key] : undefined;
  return isRecord(child) ? child : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  const child = isRecord(value) ? value[key] : undefined;
  return typeof child === "string" ? child : undefined;
}

/** Whether the data has something (even an empty value) at `path`. */
export function hasPath(value: unknown, path: Path): boolean {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number" && segment < current.length) current = current[segment];
    else if (isRecord(current) && typeof segment === "string" && Object.hasOwn(current, segment))
      current = current[segment];
    else return false;
  }
  return true;
}
