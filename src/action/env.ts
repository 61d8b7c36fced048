/** What a workflow run tells the Action through its environment, read once and checked. */
export interface ActionEnv {
  eventName: string;
  /** The event's JSON payload on disk, written by the runner. */
  eventPath: string;
  token: string;
  owner: string;
  repo: string;
  /** Set for GitHub Enterprise Server; github.com otherwise. */
  apiUrl: string | undefined;
  /** Run id and attempt: a re-run is a new delivery, not a duplicate of the first. */
  deliveryId: string;
}

export type Env = Record<string, string | undefined>;

/** The token: the `github-token` input (defaulting to the workflow token), else GITHUB_TOKEN. */
function tokenOf(env: Env): string | undefined {
  const input = env["INPUT_GITHUB-TOKEN"] ?? env.INPUT_GITHUB_TOKEN;
  return input?.trim() || env.GITHUB_TOKEN?.trim() || undefined;
}

export function readActionEnv(env: Env): ActionEnv | { error: string } {
  const missing = ["GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_REPOSITORY"].filter((name) => !env[name]);
  if (missing.length > 0)
    return { error: `${missing.join(", ")} not set: Throughline runs as a step of a GitHub Actions workflow` };
  const token = tokenOf(env);
  if (!token) return { error: "no token: pass `github-token` (it defaults to the workflow's GITHUB_TOKEN)" };
  const [owner, repo, ...rest] = env.GITHUB_REPOSITORY!.split("/");
  if (!owner || !repo || rest.length > 0)
    return { error: `GITHUB_REPOSITORY is "${env.GITHUB_REPOSITORY}", not OWNER/NAME` };
  return {
    eventName: env.GITHUB_EVENT_NAME!,
    eventPath: env.GITHUB_EVENT_PATH!,
    token,
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL?.trim() || undefined,
    deliveryId: `${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
  };
}
