/** The GraphQL queries an event may send, answered from the fake repository's state by operation name. */
import { APP } from "../test/fixtures/probot.js";
import { timelineWindows } from "../test/fixtures/pull-requests.js";
import type { FakeState, Reply } from "./fake-github.js";

type Answer = (s: FakeState, v: Record<string, any>, query: string) => unknown;

const lastPage = { hasNextPage: false, endCursor: null };

function appComments(s: FakeState, number: number) {
  const nodes = (s.comments.get(number) ?? []).map((c) => ({ databaseId: c.id, createdAt: c.createdAt, author: { __typename: "Bot", login: APP.slug }, body: c.body }));
  return { pageInfo: lastPage, nodes };
}

const ANSWERS: Record<string, Answer> = {
  PullRequestContext: (s, v, query) => {
    const files = s.files.get(v.number) ?? ["src/checkout.ts"];
    const counts = Object.fromEntries([...query.matchAll(/count_(\w+):/g)].map(([, alias]) => [`count_${alias}`, { issueCount: s.counts[alias] ?? 0 }]));
    const check = s.checks.get(v.sha);
    return {
      repository: {
        pullRequest: {
          files: { totalCount: files.length, pageInfo: lastPage, nodes: files.map((path) => ({ path })) },
          closingIssuesReferences: { nodes: [] },
          ...timelineWindows(s.timeline.get(v.number) ?? []),
          comments: appComments(s, v.number),
        },
        object: {
          checkSuites: {
            nodes: check
              ? [{ checkRuns: { nodes: [{ databaseId: check.id, conclusion: check.conclusion.toUpperCase(), title: check.title, summary: check.summary }] }, strategyFile: { nodes: [] } }]
              : [],
          },
        },
      },
      ...counts,
    };
  },
  PullRequestComments: (s, v) => ({ repository: { pullRequest: { comments: appComments(s, v.number) } } }),
  ItemHistory: (s, v) => ({ repository: { issueOrPullRequest: timelineWindows(s.timeline.get(v.number) ?? []) } }),
  LocateStrategy: () => ({ local: {}, org: null }),
  // The app's setup issue (repositories that had no strategy): none here.
  FindSetupIssue: () => ({ search: { nodes: [] } }),
};

export function answerGraphQL(state: FakeState, body: { query: string; variables?: Record<string, any> }): Reply {
  const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? "anonymous";
  const answer = ANSWERS[operation];
  if (!answer) return [200, { data: null, errors: [{ message: `the benchmark's GitHub does not know ${operation}` }] }];
  return [200, { data: answer(state, body.variables ?? {}, body.query) }];
}
