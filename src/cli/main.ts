#!/usr/bin/env node
/** The `throughline` command (package.json "bin"): runs one command against this process's streams. */
import { processIO } from "./io.js";
import { runCli } from "./run.js";

// A reader that stops early (`throughline validate | head -1`) closes the pipe: that is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIO());
