/**
 * Configuration mistakes found before the server starts, each one line naming the variable to fix. With
 * neither APP_ID nor a private key the app is not registered yet, and Probot serves its setup page
 * (outside production); credentials that are present but broken stop start-up instead.
 */
import { createPrivateKey } from "node:crypto";
import { getPrivateKey } from "@probot/get-private-key";

export function configErrors(env: NodeJS.ProcessEnv, cwd = process.cwd()): string[] {
  const errors: string[] = [];
  const key = privateKey(env, cwd);
  if (!env.APP_ID?.trim()) {
    if (env.NODE_ENV === "production" || key.found) {
      errors.push("APP_ID is missing: set it to the GitHub App's id (the app's settings page shows it).");
    }
    if (key.found && key.error) errors.push(key.error);
    return errors;
  }
  if (!/^\d+$/.test(env.APP_ID.trim())) errors.push(`APP_ID must be the app's numeric id, not "${env.APP_ID}".`);
  if (!key.found) {
    errors.push("PRIVATE_KEY or PRIVATE_KEY_PATH is missing: give the app's private key (.pem) or the path to it.");
  } else if (key.error) {
    errors.push(key.error);
  }
  if (!env.WEBHOOK_SECRET)
    errors.push("WEBHOOK_SECRET is missing: set it to the webhook secret given when the app was registered.");
  return errors;
}

/** True when `npm start` should serve Probot's setup page: nothing about the app is configured yet. */
export function setupMode(env: NodeJS.ProcessEnv, cwd = process.cwd()): boolean {
  return !env.APP_ID?.trim() && !privateKey(env, cwd).found;
}

/** The key as Probot reads it (PRIVATE_KEY, else PRIVATE_KEY_PATH, else one .pem file here), checked. */
function privateKey(env: NodeJS.ProcessEnv, cwd: string): { found: boolean; error?: string } {
  const variable = env.PRIVATE_KEY ? "PRIVATE_KEY" : env.PRIVATE_KEY_PATH ? "PRIVATE_KEY_PATH" : "a .pem file";
  let text: string | null;
  try {
    text = getPrivateKey({
      env: { ...env, PRIVATE_KEY: env.PRIVATE_KEY || undefined, PRIVATE_KEY_PATH: env.PRIVATE_KEY_PATH || undefined },
      cwd,
    });
  } catch {
    if (variable === "PRIVATE_KEY") return { found: true, error: PRIVATE_KEY_HELP };
    if (variable === "PRIVATE_KEY_PATH")
      return { found: true, error: `PRIVATE_KEY_PATH names a file that does not exist: ${env.PRIVATE_KEY_PATH}` };
    return {
      found: true,
      error:
        "PRIVATE_KEY_PATH is missing and this folder holds more than one .pem file: name the app's key with PRIVATE_KEY_PATH.",
    };
  }
  if (text === null) return { found: false };
  try {
    createPrivateKey(text);
    return { found: true };
  } catch {
    if (variable === "PRIVATE_KEY") return { found: true, error: PRIVATE_KEY_HELP };
    if (variable === "PRIVATE_KEY_PATH") {
      return {
        found: true,
        error: `PRIVATE_KEY_PATH names a file that is not a readable private key: ${env.PRIVATE_KEY_PATH}`,
      };
    }
    return {
      found: true,
      error:
        "PRIVATE_KEY_PATH is missing and the .pem file in this folder is not a readable private key: name the app's key with PRIVATE_KEY_PATH.",
    };
  }
}

const PRIVATE_KEY_HELP =
  "PRIVATE_KEY is not a readable private key: paste the whole .pem file, from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY----- (newlines may be written as \\n).";
