/**
 * Configuration mistakes found before the server starts, each naming the variable to fix. With no APP_ID
 * at all the app is not registered yet, and Probot serves its setup page (outside production).
 */
import { existsSync } from "node:fs";

export function configErrors(env: NodeJS.ProcessEnv): string[] {
  const errors: string[] = [];
  if (!env.APP_ID) {
    if (env.NODE_ENV === "production") errors.push("APP_ID is missing: set it to the GitHub App's id (the app's settings page shows it).");
    return errors;
  }
  if (!/^\d+$/.test(env.APP_ID.trim())) errors.push(`APP_ID must be the app's numeric id, not "${env.APP_ID}".`);
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
    errors.push("PRIVATE_KEY or PRIVATE_KEY_PATH is missing: give the app's private key (.pem) or the path to it.");
  } else if (env.PRIVATE_KEY_PATH && !env.PRIVATE_KEY && !existsSync(env.PRIVATE_KEY_PATH)) {
    errors.push(`PRIVATE_KEY_PATH names a file that does not exist: ${env.PRIVATE_KEY_PATH}`);
  }
  if (!env.WEBHOOK_SECRET) errors.push("WEBHOOK_SECRET is missing: set it to the webhook secret given when the app was registered.");
  return errors;
}
