/** The REST routes the app uses, answered from the fake repository's state; anything else is a 501. */
import { APP } from "../test/fixtures/probot.js";
import type { FakeState, Reply } from "./fake-github.js";

const CHECK_NAME = "Strategy alignment";

type Route = [string, RegExp, (s: FakeState, m: RegExpExecArray, body: any, url: URL, headers: Record<string, string | undefined>) => Reply];

const ROUTES: Route[] = [
  ["POST", /^\/app\/installations\/\d+\/access_tokens$/, () => [201, { token: "t", expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} }]],
  ["GET", /^\/app$/, () => [200, { id: APP.id, slug: APP.slug }]],
  ["GET", /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/, strategyFile],
  ["GET", /^\/repos\/[^/]+\/[^/]+\/labels\/(.+)$/, (s, m) => (s.labels.has(decodeURIComponent(m[1]).toLowerCase()) ? [200, { name: decodeURIComponent(m[1]) }] : [404, { message: "Not Found" }])],
  ["POST", /^\/repos\/[^/]+\/[^/]+\/labels$/, (s, _m, body) => (s.labels.add(String(body.name).toLowerCase()), [201, { name: body.name }])],
  ["POST", /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels$/, (s, m, body) => {
    for (const name of body.labels as string[]) timelineOf(s, Number(m[1])).push({ __typename: "LabeledEvent", actor: { login: APP.login }, label: { name } });
    return [200, []];
  }],
  ["DELETE", /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels\/(.+)$/, (s, m) => {
    timelineOf(s, Number(m[1])).push({ __typename: "UnlabeledEvent", actor: { login: APP.login }, label: { name: decodeURIComponent(m[2]) } });
    return [200, []];
  }],
  ["POST", /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (s, m, body) => {
    const id = s.nextId++;
    const list = s.comments.get(Number(m[1])) ?? [];
    list.push({ id, body: body.body, createdAt: new Date(Date.UTC(2026, 10, 20, 0, 0, id % 60)).toISOString() });
    s.comments.set(Number(m[1]), list);
    return [201, { id }];
  }],
  ["PATCH", /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/, (s, m, body) => {
    for (const list of s.comments.values()) for (const c of list) if (c.id === Number(m[1])) c.body = body.body;
    return [200, { id: Number(m[1]) }];
  }],
  ["POST", /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)\/reactions$/, () => [201, { id: 1 }]],
  ["GET", /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/, (s) => [200, { permission: s.role === "triage" ? "read" : s.role, role_name: s.role }]],
  ["POST", /^\/repos\/[^/]+\/[^/]+\/check-runs$/, (s, _m, body) => {
    const id = s.nextId++;
    if (body.name === CHECK_NAME) s.checks.set(body.head_sha, { id, conclusion: body.conclusion, title: body.output?.title, summary: body.output?.summary });
    return [201, { id }];
  }],
  ["PATCH", /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/, (s, m, body) => {
    for (const run of s.checks.values()) {
      if (run.id === Number(m[1])) Object.assign(run, { conclusion: body.conclusion, title: body.output?.title, summary: body.output?.summary });
    }
    return [200, { id: Number(m[1]) }];
  }],
];

export function answerRest(state: FakeState, method: string, url: URL, body: any, headers: Record<string, string | undefined>): Reply {
  for (const [verb, pattern, answer] of ROUTES) {
    const match = verb === method ? pattern.exec(url.pathname) : null;
    if (match) return answer(state, match, body, url, headers);
  }
  return [501, { message: `the benchmark's GitHub does not know ${method} ${url.pathname}` }];
}

/** The strategy file: a 304 for a matching etag (free of rate limit), else the file with its etag. */
function strategyFile(s: FakeState, m: RegExpExecArray, _body: unknown, _url: URL, headers: Record<string, string | undefined>): Reply {
  if (decodeURIComponent(m[1]) !== "strategy.yml") return [404, { message: "Not Found" }];
  if (headers["if-none-match"] === s.strategy.etag) return [304, ""];
  const { text, sha, etag } = s.strategy;
  return [200, { type: "file", path: "strategy.yml", sha, size: text.length, encoding: "base64", content: Buffer.from(text).toString("base64") }, { etag }];
}

function timelineOf(s: FakeState, number: number): object[] {
  const list = s.timeline.get(number) ?? [];
  s.timeline.set(number, list);
  return list;
}
