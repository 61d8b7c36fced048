/** A handling failure in one line a person can act on: what GitHub was asked, what it answered, and a hint. */
interface RequestFailure {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
}

const PERMISSIONS_HINT =
  "the workflow's token needs `permissions:` issues, pull-requests, checks and discussions: write, and contents: read";

export function describeFailure(error: unknown): string {
  // Probot gathers handler failures into an AggregateError.
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors.map(describeOne).join("; ");
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { status, request } = error as RequestFailure;
  if (typeof status !== "number" || !request?.method || !request.url) return error.message;
  const path = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "");
  const said = `${request.method} ${path} answered ${status}: ${error.message}`;
  return status === 403 && /not accessible by integration/i.test(error.message)
    ? `${said} (${PERMISSIONS_HINT})`
    : said;
}
