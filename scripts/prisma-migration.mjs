// Creates a new migration for both databases from the change to prisma/models.prisma:
//   node scripts/prisma-migration.mjs add_something
// Each migration folder keeps a copy of the schema it brings the database to, so the next diff starts from it
// without needing a shadow database (which Prisma's CLI cannot create through a driver adapter for PostgreSQL).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { schemaFor } from "./prisma-schema.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/prisma-migration.mjs <name_in_snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const urls = {
  sqlite: "file:./data/prisma-cli.db",
  postgresql: process.env.POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/test",
};
// The diff runs on Prisma 6.19's CLI (installed as "prisma6"): Prisma 7's migrate commands need a native schema
// engine that cannot be downloaded on every machine, while 6.19 runs its schema engine as WebAssembly through a
// driver adapter. It reads its own configuration from the directory it runs in, so it gets one of its own.
const work = mkdtempSync(join(tmpdir(), "prisma-diff-"));
const adapterUrl = (name) => pathToFileURL(join(root, "node_modules", "@prisma", name, "dist", "index.mjs")).href;
writeFileSync(join(work, "prisma.config.mjs"), `
const target = process.env.PRISMA_TARGET === "postgresql" ? "postgresql" : "sqlite";
export default {
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (target === "postgresql") {
      const { PrismaPg } = await import(${JSON.stringify(adapterUrl("adapter-pg"))});
      return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    }
    const { PrismaBetterSqlite3 } = await import(${JSON.stringify(adapterUrl("adapter-better-sqlite3"))});
    return new PrismaBetterSqlite3({ url: process.env.DATABASE_URL });
  },
};
`);
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
for (const target of ["sqlite", "postgresql"]) {
  const dir = join(root, "prisma", target, "migrations");
  mkdirSync(dir, { recursive: true });
  const previous = readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1);
  const from = previous && existsSync(join(dir, previous, "schema.prisma"))
    ? ["--from-schema-datamodel", join(dir, previous, "schema.prisma")]
    : ["--from-empty"];
  const target_schema = join(work, `${target}.prisma`);
  writeFileSync(target_schema, schemaFor(target, { forDiff: true }));
  const out = spawnSync(process.execPath, [join(root, "node_modules/prisma6/build/index.js"), "migrate", "diff",
    ...from, "--to-schema-datamodel", target_schema, "--script"], {
    cwd: work, encoding: "utf8",
    env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: join(root, "package.json"), PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_TARGET: target, DATABASE_URL: target === "sqlite" ? `file:${join(work, "cli.db")}` : urls[target] },
  });
  if (out.status !== 0) {
    console.error(out.stderr);
    process.exit(1);
  }
  if (!out.stdout.trim() || out.stdout.includes("This is an empty migration")) {
    console.log(`${target}: no changes`);
    continue;
  }
  const folder = join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), out.stdout);
  writeFileSync(join(folder, "schema.prisma"), schemaFor(target, { forDiff: true }));
  console.log(`${target}: wrote ${folder.slice(root.length + 1)}`);
}
