/**
 * The app recognises its own comments, labels, checks and reports by its identity as GitHub reports it
 * (`<slug>[bot]` and the app id from GET /app), never by a hard-coded name, so any registration works.
 */
import type { Probot } from "probot";

export interface Identity {
  /** The bot login, e.g. "throughline[bot]". */
  login: string;
  /** The app's id (check runs are filtered by it). */
  appId: number;
}

/** The app's identity, asked of GitHub the first time it is needed; a failure is not remembered. */
export function askIdentity(app: Probot): () => Promise<Identity> {
  let identity: Promise<Identity> | undefined;
  return () => {
    if (!identity) {
      identity = app
        .auth()
        .then((octokit) => octokit.rest.apps.getAuthenticated())
        .then(({ data }) => ({ login: `${data?.slug}[bot]`, appId: data?.id ?? 0 }));
      identity.catch(() => (identity = undefined));
    }
    return identity;
  };
}

export function sameLogin(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** A GraphQL actor ({ __typename, login }): GraphQL gives a bot's login without the `[bot]` suffix. */
export interface Actor {
  __typename?: string;
  login: string;
}

/** An actor's login as REST and webhooks write it, `<slug>[bot]` for bots. */
export function actorLogin(actor: Actor | null | undefined): string {
  if (!actor) return "ghost";
  return actor.__typename === "Bot" && !actor.login.endsWith("[bot]") ? `${actor.login}[bot]` : actor.login;
}
