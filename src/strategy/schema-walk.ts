/** Finding one's way in the zod schema by a data path, to know which keys are valid at a spot. */
import { z } from "zod";
import type { Path } from "./path.js";

/** The schema under `path`, wrappers (defaults, optionals, transforms) looked through. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === "string") {
      current = Object.hasOwn(current.shape, segment) ? unwrap(current.shape[segment] as z.ZodType) : undefined;
    } else if (current instanceof z.ZodArray && typeof segment === "number") {
      current = unwrap(current.element as z.ZodType);
    } else return undefined;
  }
  return current;
}

/** The keys an object at `path` may have. */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const here = schemaAt(schema, path);
  return here instanceof z.ZodObject ? Object.keys(here.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else return current;
  }
}
