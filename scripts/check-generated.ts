/**
 * Fails (exit 1) when a committed generated file differs from what its source produces now: the files
 * generated from the strategy schema (so the editor schema and the reference cannot drift from what the
 * app accepts), and the types of the app's GraphQL documents (so they cannot drift from the documents).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedFiles } from "../src/strategy/generated.js";
import { GRAPHQL_TYPES_PATH, graphqlTypes } from "./graphql-types.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const stale = (files: { path: string; content: string }[]) =>
  files.filter((file) => {
    try {
      return readFileSync(join(root, file.path), "utf8") !== file.content;
    } catch {
      return true;
    }
  });

const schemaFiles = stale(generatedFiles());
const graphqlFiles = stale([{ path: GRAPHQL_TYPES_PATH, content: await graphqlTypes() }]);

for (const file of schemaFiles) console.error(`${file.path} is out of date with src/strategy/schema.ts`);
if (schemaFiles.length > 0) console.error("Run `npm run schema` and commit the result.");
for (const file of graphqlFiles) console.error(`${file.path} is out of date with the GraphQL documents in src/github/`);
if (graphqlFiles.length > 0) console.error("Run `npm run graphql` and commit the result.");
if (schemaFiles.length + graphqlFiles.length > 0) process.exit(1);
console.log("Generated files are up to date.");
