/**
 * The GitHub client the app runs with: Probot's, with rate limits handled the way GitHub asks. Probot's
 * own settings never retry a secondary rate limit, and the retry plugin then repeats a 429 after 1, 4
 * and 9 seconds whatever `retry-after` says. Here the throttling plugin alone decides on 403/429 rate
 * limits: it waits as long as GitHub asks (`retry-after`, or until `x-ratelimit-reset`), at most
 * MAX_RATE_LIMIT_RETRIES times and never longer than MAX_WAIT_SECONDS, then the request fails and the
 * event fails visibly (logged by Probot). Server errors (5xx) keep the retry plugin's bounded backoff,
 * and so do requests GitHub does not answer within REQUEST_TIMEOUT_MS (Node's fetch would wait minutes).
 */
import { ProbotOctokit } from "probot";
import type { Pacing } from "./pacing.js";

export const MAX_RATE_LIMIT_RETRIES = 2;
/** A primary limit resets within the hour; asking for longer than that is not a wait worth holding an event for. */
export const MAX_WAIT_SECONDS = 61 * 60;
/** Per attempt; GitHub itself gives up on a request after 10 seconds. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The retry plugin's defaults, plus 429: rate limits are the throttling plugin's to wait out. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** Where installation tokens are kept: the shape @octokit/auth-app accepts as its `cache` (it awaits both). */
export interface TokenCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface ClientOptions {
  /** Milliseconds per second of waiting GitHub asks for (1000; tests shrink it to keep waits tiny). */
  retryAfterBaseValue?: number;
  /** How long one attempt may wait for GitHub's answer (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Pacing shared across processes through Redis (REDIS_URL); Probot's per-process pacing when absent. */
  pacing?: Pacing;
  /** Installation tokens shared across processes through Redis (REDIS_URL); Probot's per-process cache when absent. */
  tokens?: TokenCache;
}

/**
 * fetch with a deadline per call. The retry plugin calls fetch once per attempt, so each attempt gets its
 * own deadline; a timed-out attempt fails like a 5xx and is retried. globalThis.fetch is looked up at
 * each call, so whatever is installed then (a test's interceptor) is used.
 */
function fetchWithin(ms: number): typeof fetch {
  return (input, init) => globalThis.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

type RequestOptions = { method?: string; url?: string };
type Client = {
  log: { warn: (message: string) => void };
  request: { endpoint: { parse: (o: RequestOptions) => RequestOptions } };
};
/** The options Probot's Octokit is built with, as its `defaults` hands them to a function (the parts read here). */
type ClientDefaults = {
  auth?: { appId?: number | string; [option: string]: unknown };
  request?: { fetch?: typeof fetch; [option: string]: unknown };
  retry?: Record<string, unknown>;
  throttle?: Record<string, unknown>;
  [option: string]: unknown;
};
type Limited = (retryAfter: number, options: RequestOptions, octokit: Client, retryCount: number) => boolean;

/** "GET /repos/acme/app/contents/strategy.yml" rather than the route's template. */
function describe(options: RequestOptions, octokit: Client): string {
  try {
    const { method, url } = octokit.request.endpoint.parse(options);
    return `${method} ${url}`;
  } catch {
    return `${options.method} ${options.url}`;
  }
}

const waitOrGiveUp =
  (kind: string): Limited =>
  (retryAfter, options, octokit, retryCount) => {
    const retry = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_WAIT_SECONDS;
    octokit.log.warn(
      `${kind} rate limit hit by ${describe(options, octokit)}: ${retry ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES})` : "giving up"}`,
    );
    return retry;
  };

/** Probot's Octokit with the app's rate-limit handling and request deadline; pass it as Probot's `Octokit` option. */
export function throughlineOctokit({
  retryAfterBaseValue = 1000,
  requestTimeoutMs = REQUEST_TIMEOUT_MS,
  pacing,
  tokens,
}: ClientOptions = {}): typeof ProbotOctokit {
  const timedFetch = fetchWithin(requestTimeoutMs);
  return ProbotOctokit.defaults((options: ClientDefaults) => ({
    ...options,
    // The app's authentication (an app id in it) takes its installation tokens from the shared cache.
    ...(tokens && options.auth?.appId ? { auth: { ...options.auth, cache: tokens } } : {}),
    request: { ...options.request, fetch: options.request?.fetch ?? timedFetch },
    retry: { ...options.retry, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue },
    // Spread first: an explicit `enabled: false` (tests) and the installation id (one budget each) are kept.
    throttle: {
      ...options.throttle,
      ...pacing?.current(),
      onRateLimit: waitOrGiveUp("Primary"),
      onSecondaryRateLimit: waitOrGiveUp("Secondary"),
      retryAfterBaseValue,
    },
  })) as typeof ProbotOctokit;
}
