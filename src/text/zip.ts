/**
 * Each item with its answer, for a batch read that answers every item in order. An answer list of another
 * length breaks that promise and is said so, rather than read as a missing answer.
 */
export function zip<T, A>(items: readonly T[], answers: readonly A[]): [T, A][] {
  if (answers.length !== items.length) throw new Error(`${answers.length} answers for ${items.length} items`);
  return items.map((item, i) => [item, answers[i] as A]);
}
