// Generates both Prisma clients (SQLite and PostgreSQL) after `npm install`.
// Prisma's CLI tries to download native engines (a query-engine library, the schema engine) before generating,
// although the generated clients run without them (the query compiler is WebAssembly); pointing
// PRISMA_QUERY_ENGINE_LIBRARY and PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the downloads, so this
// works on machines without access to Prisma's binary host.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prisma = join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(prisma)) {
  console.error("prisma is not installed; run npm install first");
  process.exit(1);
}
const urls = {
  sqlite: "file:./data/prisma-cli.db",
  postgresql: "postgresql://localhost:5432/unused",
};
for (const target of ["sqlite", "postgresql"]) {
  const result = spawnSync(process.execPath, [prisma, "generate"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PRISMA_TARGET: target,
      DATABASE_URL: urls[target],
      PRISMA_QUERY_ENGINE_LIBRARY: join(root, "package.json"),
      PRISMA_SCHEMA_ENGINE_BINARY: join(root, "package.json"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.status !== 0) {
    console.error(`prisma generate failed for ${target}`);
    process.exit(result.status ?? 1);
  }
}
