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

const identities = new WeakMap<Probot, Promise<Identity>>();

/** Asked of GitHub once per app instance; a failure is not remembered. */
export function identityOf(app: Probot): Promise<Identity> {
  let identity = identities.get(app);
  if (!identity) {
    identity = app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => ({ login: `${data?.slug}[bot]`, appId: data?.id ?? 0 }));
    identity.catch(() => identities.delete(app));
    identities.set(app, identity);
  }
  return identity;
}

/** Fix the identity without asking GitHub (Action mode: the workflow token acts as github-actions[bot]). */
export function useIdentity(app: Probot, identity: Identity): void {
  identities.set(app, Promise.resolve(identity));
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
