// `db backup --out FILE`: a consistent copy of the SQLite database while the app keeps running, by SQLite's online
// backup API (better-sqlite3's backup(), which copies page by page and starts over pages that a writer changed
// meanwhile). The copy is checked with SQLite's integrity check before it is reported, and is owner-only like the
// database itself. PostgreSQL is backed up with its own pg_dump.
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { loadCoreConfig } from "../../config.ts";
import { providerOf, sqlitePath } from "../../db/client.ts";
import { parseFlags } from "../args.ts";
import { CliError } from "../context.ts";

export const usage = `npm run cli -- db backup --out FILE

  backup   copies the SQLite database to FILE while the app runs (SQLite's online backup), checks the copy and
           makes it readable by its owner only. FILE must not exist yet.
           PostgreSQL: use pg_dump with the same DATABASE_URL, e.g. pg_dump --format=custom --file=backup.dump "$DATABASE_URL"`;

interface SqliteHandle {
  backup(destination: string): Promise<{ totalPages: number; remainingPages: number }>;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  close(): void;
}
type SqliteConstructor = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => SqliteHandle;

// The driver Prisma's SQLite adapter uses; it ships no types of its own, and only these calls are needed.
const Sqlite = createRequire(import.meta.url)("better-sqlite3") as SqliteConstructor;

export async function dbBackup(env: Record<string, string | undefined>, args: string[], out: (line: string) => void): Promise<void> {
  const flags = parseFlags(args, { out: { type: "string" } });
  if (!flags.out) throw new CliError("--out: name the file to write the backup to");
  const url = loadCoreConfig(env).databaseUrl;
  if (providerOf(url) === "postgresql") {
    throw new CliError("db backup copies SQLite databases; for PostgreSQL run pg_dump with the same DATABASE_URL, e.g. pg_dump --format=custom --file=backup.dump \"$DATABASE_URL\"");
  }
  const source = sqlitePath(url);
  const target = resolve(flags.out);
  if (!existsSync(source)) throw new CliError(`there is no database at ${source} (DATABASE_URL)`, 1);
  if (existsSync(target)) throw new CliError(`--out: ${flags.out} exists already; name a new file`);
  if (target === source) throw new CliError("--out: that is the database itself");
  mkdirSync(dirname(target), { recursive: true });

  const db = new Sqlite(source, { fileMustExist: true });
  let pages: number;
  try {
    // The source is opened read-write like the app's own connection, so that its WAL is read (a read-only handle
    // cannot take the lock the backup needs while another process writes).
    pages = (await db.backup(target)).totalPages;
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
  const copy = new Sqlite(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new CliError(`the copy at ${flags.out} failed SQLite's integrity check: ${String(check)}`, 1);
  } finally {
    copy.close();
  }
  out(`backed up ${pages} pages of ${source} to ${target} (integrity check: ok)`);
}
