// Writes the provider-specific Prisma schemas from prisma/models.prisma, the one source of truth.
// Prisma allows one provider per schema, and SQLite and PostgreSQL each need their own client and migrations.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");

export function schemaFor(provider) {
  return `// Generated from prisma/models.prisma by scripts/prisma-schema.mjs. Do not edit.

generator client {
  provider   = "prisma-client"
  output     = "../../src/generated/${provider}"
  engineType = "client"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

${models}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const provider of ["sqlite", "postgresql"]) {
    const file = join(root, "prisma", provider, "schema.prisma");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, schemaFor(provider));
    console.log(`wrote ${file.slice(root.length + 1)}`);
  }
}
