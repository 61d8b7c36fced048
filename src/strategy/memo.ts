/**
 * Remembers the answers of a slow pure check by its string argument. Time zones, cron expressions,
 * regular expressions and globs cost far more to check than to look up, and a strategy is read again on
 * every event with the same values. Bounded: the memory is dropped when full.
 */
export function memo<T>(check: (key: string) => T, max = 1000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    if (known.size >= max) known.clear();
    const answer = check(key);
    known.set(key, answer);
    return answer;
  };
}
