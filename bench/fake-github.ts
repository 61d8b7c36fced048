/**
 * A small stateful GitHub for counting the requests the app makes: one persistent nock scope answers
 * every REST and GraphQL request from an in-memory repository, and records each one with how GitHub
 * would charge it. Stateful, so a second event sees what the first one wrote (its comment, its check,
 * its labels), which is what steady state means.
 */
import nock from "nock";
import { answerGraphQL } from "./fake-graphql.js";
import { answerRest } from "./fake-rest.js";
import { API } from "../test/fixtures/github.js";

export interface FakeCheckRun {
  id: number;
  conclusion: string;
  title: string;
  summary: string;
}

export interface FakeState {
  strategy: { text: string; etag: string; sha: string };
  /** Labels that exist in the repository, lower case. */
  labels: Set<string>;
  /** The app's marked comments per item number. */
  comments: Map<number, { id: number; body: string; createdAt: string }[]>;
  /** Check runs named "Strategy alignment" by head sha, as the app last wrote them. */
  checks: Map<string, FakeCheckRun>;
  /** Timeline nodes (label events, comments) per item number, as the history queries return them. */
  timeline: Map<number, object[]>;
  /** Changed files per pull request number. */
  files: Map<number, string[]>;
  /** Month-so-far search counts by alias (total, aligned, p0, ...). */
  counts: Record<string, number>;
  /** The role GET .../permission answers. */
  role: string;
  nextId: number;
}

export interface Recorded {
  method: string;
  path: string;
  status: number;
  /** The GraphQL operation name, for POST /graphql. */
  operation?: string;
}

export type Reply = [number, unknown, Record<string, string>?];

export interface FakeGitHub {
  state: FakeState;
  log: Recorded[];
  /** Requests nock could not answer (there should be none). */
  unmatched: string[];
  stop(): void;
}

export function fakeState(strategy: string): FakeState {
  return {
    strategy: { text: strategy, etag: '"v1"', sha: "blob1" },
    labels: new Set(),
    comments: new Map(),
    checks: new Map(),
    timeline: new Map(),
    files: new Map(),
    counts: {},
    role: "write",
    nextId: 1000,
  };
}

export function serveFake(state: FakeState): FakeGitHub {
  const log: Recorded[] = [];
  const unmatched: string[] = [];
  const scope = nock(API).persist();
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
    scope.intercept(() => true, method).reply(function (uri, body) {
      const url = new URL(uri, API);
      const parsed = typeof body === "string" && body ? JSON.parse(body) : body;
      const headers = this.req.headers as Record<string, string | undefined>;
      const [status, payload, replyHeaders] =
        url.pathname === "/graphql" ? answerGraphQL(state, parsed) : answerRest(state, method, url, parsed ?? {}, headers);
      const operation = url.pathname === "/graphql" ? /(?:query|mutation)\s+(\w+)/.exec(parsed.query)?.[1] : undefined;
      log.push({ method, path: url.pathname, status, ...(operation ? { operation } : {}) });
      return [status, payload as nock.Body, replyHeaders ?? {}];
    });
  }
  const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
  nock.emitter.on("no match", onNoMatch);
  return {
    state,
    log,
    unmatched,
    stop: () => {
      nock.emitter.off("no match", onNoMatch);
      nock.cleanAll();
    },
  };
}
