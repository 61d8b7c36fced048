/** Writes the types of the app's GraphQL documents (`npm run graphql`): see scripts/graphql-types.ts. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GRAPHQL_TYPES_PATH, graphqlTypes } from "./graphql-types.js";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", GRAPHQL_TYPES_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, await graphqlTypes());
console.log(`wrote ${GRAPHQL_TYPES_PATH}`);
