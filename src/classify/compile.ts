import type { Problem, Strategy } from "../strategy/schema.js";
import { globMatcher, keywordMatcher, nameSet, patternMatcher } from "./matchers.js";

/** One problem's `match` rules, compiled once per strategy. */
export interface CompiledProblem {
  id: string;
  labels: Set<string>;
  keywords: { keyword: string; test: RegExp }[];
  patterns: { pattern: string; test: (title: string) => string | null }[];
  paths?: (path: string) => boolean;
  branches?: (branch: string) => boolean;
  milestones: Set<string>;
  authors: Set<string>;
}

export interface CompiledRules {
  problems: CompiledProblem[];
  /** Whether any problem judges changed files, so a cut-short file list is worth a note. */
  usesPaths: boolean;
}

// Keyed by the strategy object: a re-read strategy is a new object and gets compiled afresh; an old one is
// collected with its compiled rules.
const cache = new WeakMap<Strategy, CompiledRules>();

export function compileRules(strategy: Strategy): CompiledRules {
  let compiled = cache.get(strategy);
  if (!compiled) {
    const problems = strategy.problems.map(compileProblem);
    compiled = { problems, usesPaths: problems.some((p) => p.paths !== undefined) };
    cache.set(strategy, compiled);
  }
  return compiled;
}

function compileProblem(problem: Problem): CompiledProblem {
  const m = problem.match;
  const keywords = m.keywords.flatMap((keyword) => {
    const test = keywordMatcher(keyword);
    return test ? [{ keyword, test }] : [];
  });
  const patterns = m.patterns.flatMap((pattern) => {
    const test = patternMatcher(pattern);
    return test ? [{ pattern, test }] : [];
  });
  return {
    id: problem.id,
    labels: nameSet(m.labels),
    keywords,
    patterns,
    paths: globMatcher(m.paths),
    branches: globMatcher(m.branches),
    milestones: nameSet(m.milestones),
    authors: nameSet(m.authors),
  };
}
