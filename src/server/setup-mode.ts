/**
 * Probot's setup mode (no credentials yet: the "Register GitHub App" page), started as Probot's `run`
 * starts it, with GET /health routed too, so a load balancer sees the process alive in every mode.
 * Probot does not export its setup page, so it is loaded from the installed package's own files.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Probot, Server, type Logger } from "probot";
import type { Guards } from "../handlers/guard.js";
import { healthRoute } from "../handlers/health.js";

type Handler = Parameters<Server["addHandler"]>[0];
interface SetupModule {
  setupAppFactory(options: { host: string; port: number; log: Logger }): () => Promise<Handler>;
}
interface LogModule {
  getLog(options: {
    level?: string;
    logFormat?: string;
    logLevelInString?: boolean;
    logMessageKey?: string;
    sentryDsn?: string;
  }): Promise<Logger>;
}
interface EnvModule {
  readEnvOptions(env: NodeJS.ProcessEnv): {
    host?: string;
    port: number;
    webhookPath?: string;
    webhookProxy?: string;
    secret?: string;
    baseUrl: string;
    logLevel?: string;
    logFormat?: string;
    logLevelInString?: boolean;
    logMessageKey?: string;
    sentryDsn?: string;
  };
}

const probotLib = dirname(createRequire(import.meta.url).resolve("probot"));
const probotModule = <T>(path: string): Promise<T> => import(pathToFileURL(join(probotLib, path)).href) as Promise<T>;

/** `env`: the environment as Probot reads it (`PORT`, `HOST`, `LOG_LEVEL`, …). */
export async function startSetupMode(env: NodeJS.ProcessEnv, guards: Guards): Promise<Server> {
  const [{ setupAppFactory }, { getLog }, { readEnvOptions }] = await Promise.all([
    probotModule<SetupModule>("apps/setup.js"),
    probotModule<LogModule>("helpers/get-log.js"),
    probotModule<EnvModule>("bin/read-env-options.js"),
  ]);
  const options = readEnvOptions(env);
  const log = await getLog({
    level: options.logLevel,
    logFormat: options.logFormat,
    logLevelInString: options.logLevelInString,
    logMessageKey: options.logMessageKey,
    sentryDsn: options.sentryDsn,
  });
  const server = new Server({
    host: options.host ?? "localhost",
    port: options.port,
    webhookPath: options.webhookPath,
    webhookProxy: options.webhookProxy,
    log,
    // Never used while in setup mode; Probot's own run() passes the same placeholders.
    Probot: Probot.defaults({
      appId: 1,
      privateKey: "placeholder for setup mode",
      secret: options.secret,
      baseUrl: options.baseUrl,
      log,
    }),
  });
  server.addHandler(healthRoute({ guards }));
  await server.loadHandlerFactory(
    setupAppFactory({ host: server.host, port: server.port, log: log.child({ name: "setup" }) }),
  );
  await server.start();
  return server;
}
