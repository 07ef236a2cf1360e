// Applies the committed SQL migrations and records them in `_prisma_migrations` the way Prisma does, so a
// machine that can run Prisma's own `migrate deploy` sees the same history. Prisma's CLI cannot migrate
// PostgreSQL through a driver adapter, hence this small migrator of our own for both databases.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Migration { name: string; sql: string; checksum: string }
export interface MigrationStatus { applied: string[]; pending: string[]; unknown: string[]; modified: string[] }

export function migrationsFor(provider: Database["provider"]): Migration[] {
  const dir = join(root, "prisma", provider, "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d{14}_/.test(name) && existsSync(join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
    "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

async function appliedRows(db: Database): Promise<Array<{ migration_name: string; checksum: string }>> {
  if (db.provider === "postgresql") {
    const found = await db.client.$queryRawUnsafe<Array<{ exists: boolean }>>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
    if (!found[0]?.exists) return [];
  } else {
    const found = await db.client.$queryRawUnsafe<unknown[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`);
    if (found.length === 0) return [];
  }
  return db.client.$queryRawUnsafe(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
}

export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const known = migrationsFor(db.provider);
  const rows = await appliedRows(db);
  const byName = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  return {
    applied: known.filter((m) => byName.has(m.name)).map((m) => m.name),
    pending: known.filter((m) => !byName.has(m.name)).map((m) => m.name),
    unknown: rows.map((r) => r.migration_name).filter((name) => !known.some((m) => m.name === name)),
    modified: known.filter((m) => byName.has(m.name) && byName.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

/**
 * Applies pending migrations, each in its own transaction. Returns the names applied. `through` stops after the
 * named one (a test of a data conversion starts from the database as it was before it).
 */
export async function migrate(db: Database, options: { through?: string } = {}): Promise<string[]> {
  if (db.provider === "postgresql" && db.schema) {
    await db.client.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
  }
  await db.client.$executeRawUnsafe(CREATE_TABLE[db.provider]);
  const status = await migrationStatus(db);
  if (status.modified.length > 0) {
    throw new Error(`applied migrations were changed after they ran: ${status.modified.join(", ")}`);
  }
  const applied: string[] = [];
  const wanted = (m: Migration) => status.pending.includes(m.name) && (options.through === undefined || m.name <= options.through);
  for (const migration of migrationsFor(db.provider).filter(wanted)) {
    await db.client.$transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.$executeRawUnsafe(statement);
      const now = new Date();
      await tx.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES (${placeholders(db.provider, 5)}, 1)`,
        randomUUID(), migration.checksum, migration.name, now, now);
    });
    applied.push(migration.name);
  }
  return applied;
}

function placeholders(provider: Database["provider"], count: number): string {
  return Array.from({ length: count }, (_, i) => (provider === "postgresql" ? `$${i + 1}` : "?")).join(", ");
}

/** Prisma writes one statement per block, each ending in ";" at the end of a line. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
}
