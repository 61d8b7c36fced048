/** The Action's process: run, then exit with the run's code (action.yml points the runner here, bundled). */
import { runAction } from "./run.js";

process.exitCode = await runAction(process.env);
