/**
 * A Probot instance that only authenticates (the app is not loaded), and nock answers for what a pass of
 * the monthly job asks of GitHub: the app's identity, its installations and their repositories.
 */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";

const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;

export function schedulerProbot(): Probot {
  return new Probot({
    appId: 1,
    privateKey,
    Octokit: ProbotOctokit.defaults((o: any) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    logLevel: "fatal",
  });
}

/** Installations by account: the repositories each can reach, or an HTTP status when listing fails. */
export function mockInstallations(installs: Record<string, string[] | number>): void {
  const scope = nock("https://api.github.com").persist();
  scope.get("/app").reply(200, { id: 1, slug: "throughline" });
  const accounts = Object.keys(installs);
  scope
    .get("/app/installations")
    .query(true)
    .reply(
      200,
      accounts.map((login, i) => ({ id: i + 1, account: { login } })),
    );
  accounts.forEach((login, i) => {
    const id = i + 1;
    scope
      .post(`/app/installations/${id}/access_tokens`)
      .reply(201, { token: `token-${id}`, expires_at: "2099-01-01T00:00:00Z", permissions: {} });
    const repos = installs[login];
    const listing = scope
      .get("/installation/repositories")
      .query(true)
      .matchHeader("authorization", `token token-${id}`);
    if (typeof repos === "number") listing.reply(repos, { message: "Server Error" });
    else
      listing.reply(200, {
        total_count: repos!.length,
        repositories: repos!.map((name) => ({ name, owner: { login }, archived: name.endsWith("-archived") })),
      });
  });
}
