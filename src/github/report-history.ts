/**
 * The bodies of chosen reports (this month's, to compare before writing, and earlier months', whose data
 * comments carry the trends), fetched together by node id in one request.
 */
import type { GitHub } from "./octokit.js";
import { graphqlPartial } from "./report-graphql.js";

export const REPORT_BODIES_QUERY = /* GraphQL */ `
  query ReportBodies($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Discussion { id body }
      ... on Issue { id body }
    }
  }
`;

type Answer = { nodes: ({ id: string; body: string } | null)[] };

/** Node id → body; a report deleted meanwhile (GitHub answers NOT_FOUND for its id) is simply absent. */
export async function reportBodies(octokit: GitHub, ids: string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  if (ids.length === 0) return bodies;
  const { data } = await graphqlPartial<Answer>(octokit, REPORT_BODIES_QUERY, { ids });
  for (const node of data?.nodes ?? []) if (node?.id) bodies.set(node.id, node.body ?? "");
  return bodies;
}
