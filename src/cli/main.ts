#!/usr/bin/env node
/** The `throughline` command (package.json "bin"): runs one command against this process's streams. */
import { processIO } from "./io.js";
import { runCli } from "./run.js";

process.exitCode = await runCli(process.argv.slice(2), processIO());
