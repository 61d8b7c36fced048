/**
 * The bodies of chosen reports (this month's, to compare before writing, and earlier months', whose data
 * comments carry the trends), fetched together by node id in one request.
 */
import { isSelected } from "./graphql/answers.js";
import type { ReportBodiesQuery, ReportBodiesQueryVariables } from "./graphql/types.generated.js";
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

/** Node id → body; a report deleted meanwhile (GitHub answers NOT_FOUND for its id) is simply absent. */
export async function reportBodies(octokit: GitHub, ids: string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  if (ids.length === 0) return bodies;
  const variables: ReportBodiesQueryVariables = { ids };
  const { data } = await graphqlPartial<ReportBodiesQuery>(octokit, REPORT_BODIES_QUERY, variables);
  for (const node of data?.nodes ?? []) if (isSelected(node) && node.id) bodies.set(node.id, node.body ?? "");
  return bodies;
}
