/**
 * The facts a merged pull request's decision needs and search does not return, read in bulk: changed
 * files (all of them), the issues it closes with their labels, who applied and removed labels, and the
 * comments (people's `/strategy` commands, the app's own record), for up to 50 pull requests a request
 * (aliases of `repository { pullRequest(number:) }`, so one request may span several repositories). Pull requests with more than 100 changed files get their next pages
 * in shared follow-up requests, one alias per pull request still reading, so each costs at most one
 * request more per 100 further files, and usually shares it.
 *
 * Size of one request (50 pull requests): at most 50 × (100 files + 10 closing issues × 50 labels + 100
 * label events + 100 comments) = 40,500 nodes, under a tenth of GitHub's 500,000-node limit, and about
 * 700 connections, which GitHub prices at 7 points of its 5,000 an hour.
 */
import {
  earlierCursor,
  historyFrom,
  timelineNodes,
  withEarlier,
  TIMELINE_FIELDS,
  type ItemHistory,
  type TimelineWindows,
} from "./item-history.js";
import type { PullFactsFragment, PullFactsQuery, PullFilesPagesQuery } from "./graphql/types.generated.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { MAX_FILES } from "./pull-request-queries.js";
import { graphqlPartial } from "./report-graphql.js";

/** Pull requests per request. */
export const FACTS_PER_REQUEST = 50;

const FACT_FIELDS = /* GraphQL */ `
  fragment PullFacts on PullRequest {
    number
    files(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { path } }
    closingIssuesReferences(first: 10) { nodes { number labels(first: 50) { nodes { name } } } }
    ${TIMELINE_FIELDS}
  }
`;

/**
 * The document for `n` pull requests, each named by its repository: variables $o<i> (owner), $r<i>
 * (repository), $n<i> (number); aliases p<i>. One request may span an organisation's repositories.
 */
export function pullFactsQuery(n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$o${i}: String!, $r${i}: String!, $n${i}: Int!`).join(", ");
  const fields = Array.from(
    { length: n },
    (_, i) => `p${i}: repository(owner: $o${i}, name: $r${i}) { pullRequest(number: $n${i}) { ...PullFacts } }`,
  ).join("\n  ");
  return `query PullFacts(${variables}) {\n  ${fields}\n}\n${FACT_FIELDS}`;
}

/** The next page of changed files for `n` pull requests at once: $o<i>, $r<i>, $n<i>, and $a<i> the cursor. */
export function pullFilesQuery(n: number): string {
  const variables = Array.from(
    { length: n },
    (_, i) => `$o${i}: String!, $r${i}: String!, $n${i}: Int!, $a${i}: String`,
  ).join(", ");
  const fields = Array.from(
    { length: n },
    (_, i) =>
      `f${i}: repository(owner: $o${i}, name: $r${i}) { pullRequest(number: $n${i}) { files(first: 100, after: $a${i}) { pageInfo { hasNextPage endCursor } nodes { path } } } }`,
  ).join("\n  ");
  return `query PullFilesPages(${variables}) {\n  ${fields}\n}`;
}

/** The one-item forms; every request has these shapes with more aliases. @public (checked against GitHub's schema) */
export const PULL_FACTS_QUERY = pullFactsQuery(1);
/** @public (checked against GitHub's schema) */
export const PULL_FILES_PAGES_QUERY = pullFilesQuery(1);

/** What was read about one pull request. */
export interface PullFacts {
  number: number;
  /** Changed paths; undefined when they could not be read. */
  files: string[] | undefined;
  filesComplete: boolean;
  closes: { number: number; labels: string[] }[];
  history: ItemHistory;
  /** False when some of it could not be read: the pull request is judged on what is known. */
  complete: boolean;
  /** Why not, when not. */
  problem?: string;
}

/**
 * What is read of one pull request's facts: the PullFacts fragment (generated), or a search result
 * selecting the same fields (the strategy preview's); the timeline windows as item-history reads them.
 */
export type FactsNode = Pick<PullFactsFragment, "number" | "files" | "closingIssuesReferences"> & TimelineWindows;

export interface FactsCounter {
  /** Requests sent, follow-up pages included. */
  requests: number;
}

/** A pull request to read: its repository and number. */
export interface PullRef extends RepoRef {
  number: number;
}

/**
 * The facts of these pull requests, 50 a request, in the order given. A request or field GitHub cannot
 * answer does not fail the read: those pull requests come back incomplete with what is known.
 */
export async function readPullFacts(
  octokit: GitHub,
  pulls: readonly PullRef[],
  botLogin: string,
  counter: FactsCounter = { requests: 0 },
): Promise<PullFacts[]> {
  const out: PullFacts[] = [];
  for (let i = 0; i < pulls.length; i += FACTS_PER_REQUEST) {
    out.push(...(await readBatch(octokit, pulls.slice(i, i + FACTS_PER_REQUEST), botLogin, counter)));
  }
  return out;
}

/** Every alias `p<i>` answers as `p0` of the one-item form does. */
type Answer = Partial<Record<`p${number}`, PullFactsQuery["p0"]>> | null;
/** Every alias `f<i>` answers as `f0` of the one-item form does. */
type FilesAnswer = Partial<Record<`f${number}`, PullFilesPagesQuery["f0"]>> | null;

function refVariables(refs: readonly PullRef[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [i, r] of refs.entries())
    Object.assign(variables, { [`o${i}`]: r.owner, [`r${i}`]: r.repo, [`n${i}`]: r.number });
  return variables;
}

async function readBatch(
  octokit: GitHub,
  refs: PullRef[],
  botLogin: string,
  counter: FactsCounter,
): Promise<PullFacts[]> {
  counter.requests += 1;
  let data: Answer = null;
  let failure: string | undefined;
  const failedPaths = new Map<string, string>();
  try {
    const answer = await graphqlPartial<Answer>(octokit, pullFactsQuery(refs.length), refVariables(refs));
    data = answer.data;
    for (const e of answer.errors) {
      const alias = e.path[0];
      if (typeof alias === "string" && /^p\d+$/.test(alias)) failedPaths.set(alias, e.message);
      else failure ??= e.message;
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  const nodes = refs.map((_, i) => data?.[`p${i}`]?.pullRequest ?? null);
  return factsOfNodes(octokit, refs, nodes, botLogin, counter, (i) =>
    nodes[i] ? failedPaths.get(`p${i}`) : (failedPaths.get(`p${i}`) ?? failure ?? "GitHub returned nothing for it"),
  );
}

/**
 * The facts of pull requests from what GitHub answered for each (null: nothing), reading the further pages
 * of files of those with more than 100 in shared requests.
 */
export async function factsOfNodes(
  octokit: GitHub,
  refs: PullRef[],
  nodes: (FactsNode | null)[],
  botLogin: string,
  counter: FactsCounter,
  problemOf: (i: number) => string | undefined = (i) => (nodes[i] ? undefined : "GitHub returned nothing for it"),
): Promise<PullFacts[]> {
  const facts = refs.map((ref, i): PullFacts => factsOf(octokit, ref, nodes[i] ?? null, botLogin, problemOf(i)));
  await morePages(octokit, refs, facts, nodes, counter);
  return facts;
}

function factsOf(
  octokit: GitHub,
  ref: PullRef,
  node: FactsNode | null,
  botLogin: string,
  problem: string | undefined,
): PullFacts {
  const files = node?.files ? (node.files.nodes ?? []).flatMap((f) => (f ? [f.path] : [])) : undefined;
  const history = node
    ? withEarlier(historyFrom(timelineNodes(node), botLogin), octokit, ref, ref.number, botLogin, earlierCursor(node))
    : { labels: [], comments: [] };
  const filesComplete = files !== undefined && files.length >= (node?.files?.totalCount ?? 0);
  const timelineRead = Boolean(node?.labelEvents && node.commentEvents);
  const complete = problem === undefined && files !== undefined && timelineRead;
  return {
    number: ref.number,
    files,
    filesComplete,
    closes: (node?.closingIssuesReferences?.nodes ?? []).flatMap((n) =>
      n ? [{ number: n.number, labels: (n.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])) }] : [],
    ),
    history,
    complete,
    ...(complete ? {} : { problem: problem ?? "its files or timeline could not be read" }),
  };
}

/** Further pages of files, one alias per pull request still reading, until all are read (or MAX_FILES). */
async function morePages(
  octokit: GitHub,
  refs: PullRef[],
  facts: PullFacts[],
  nodes: (FactsNode | null)[],
  counter: FactsCounter,
): Promise<void> {
  let reading = refs.flatMap((ref, i) => {
    const f = facts[i];
    const page = nodes[i]?.files?.pageInfo;
    return page?.hasNextPage && page.endCursor && f?.files ? [{ ref, facts: f, after: page.endCursor }] : [];
  });
  while (reading.length > 0) {
    const variables = refVariables(reading.map((r) => r.ref));
    for (const [i, r] of reading.entries()) variables[`a${i}`] = r.after;
    counter.requests += 1;
    let answer: FilesAnswer = null;
    try {
      answer = (await graphqlPartial<FilesAnswer>(octokit, pullFilesQuery(reading.length), variables)).data;
    } catch {
      answer = null;
    }
    const next: typeof reading = [];
    reading.forEach((r, i) => {
      const page = answer?.[`f${i}`]?.pullRequest?.files;
      if (!page) {
        Object.assign(r.facts, { complete: false, problem: "some of its changed files could not be read" });
        return;
      }
      r.facts.files!.push(...(page.nodes ?? []).flatMap((n) => (n ? [n.path] : [])));
      if (page.pageInfo.hasNextPage && page.pageInfo.endCursor && r.facts.files!.length < MAX_FILES)
        next.push({ ...r, after: page.pageInfo.endCursor });
      else r.facts.filesComplete = !page.pageInfo.hasNextPage;
    });
    reading = next;
  }
}
