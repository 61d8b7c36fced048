/**
 * Reading the generated answer types (types.generated.ts): a selection made on one member of a union or
 * interface (`... on Issue { ... }`) answers an empty object for every other member.
 */

/** The members of a generated union that carry a selection: without the empty objects of other types. */
export type Selected<T> = Exclude<T, Record<PropertyKey, never>>;

/** The element type of a generated list (`Array<X | null> | null` gives `X`). */
export type Item<T> = NonNullable<T> extends readonly (infer U)[] ? NonNullable<U> : never;

/** Whether a node answered the selection, rather than being another type's empty object (or null). */
export const isSelected = <T extends object>(node: T | null | undefined): node is Selected<T> =>
  node != null && Object.keys(node).length > 0;
