// A fresh, migrated database for one test file: a SQLite file in a temp folder by default, or a schema of its own
// on the PostgreSQL server when TEST_DATABASE=postgresql (so parallel test files never see each other's rows).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";

export const TEST_PROVIDER = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/test";

export interface TestDatabase { db: Database; url: string; schema?: string; drop(): Promise<void> }

/** `migrated: false` leaves it empty, for tests that upgrade a database from an earlier version's schema. */
export async function createTestDatabase(provider: "sqlite" | "postgresql" = TEST_PROVIDER, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (provider === "postgresql") {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const db = await openDatabase(POSTGRES_URL, { schema });
    if (migrated) await migrate(db);
    return {
      db, url: `${POSTGRES_URL}?schema=${schema}`, schema,
      async drop() {
        // Dropping a schema locks every table in it, and a test file's schema can meet another file's catalogue
        // locks in a deadlock the server breaks by aborting one side: the drop is tried again.
        for (let attempt = 1; ; attempt++) {
          try {
            await db.client.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            break;
          } catch (error) {
            if (attempt >= 5 || !/40P01|deadlock/i.test(String((error as Error).message))) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
          }
        }
        await db.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "incident-desk-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const db = await openDatabase(url);
  if (migrated) await migrate(db);
  return {
    db, url,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
