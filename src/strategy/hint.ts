/** "Did you mean" suggestions for mistyped keys and values. */

/** The candidate closest to `word` when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance counting a swapped pair of neighbouring letters as one edit, like an insertion, a deletion
 * or a substitution ("macth" is one edit from "match"): the optimal string alignment distance. Gives up
 * (returning limit + 1) once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Row i holds the distances from a's first i letters to each prefix of b; a cell outside it is never read.
  const cell = (row: number[], j: number) => row[j] ?? Infinity;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(cell(previous, j) + 1, cell(current, j - 1) + 1, cell(previous, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, cell(beforePrevious, j - 2) + 1);
      }
      current[j] = distance;
      rowMin = Math.min(rowMin, distance);
    }
    // A transposition reaches back two rows, so a row over the limit may still lead to one within it.
    if (rowMin > limit && previousMin > limit) return limit + 1;
    previousMin = rowMin;
    beforePrevious = previous;
    previous = current;
  }
  return cell(previous, b.length);
}
