// Upgrading to the version whose App Home reads each engineer's cases by assignee at every refresh: the migration
// adds the two indexes it reads through, on both databases.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { migrate, migrationsFor } from "../../src/db/migrate.ts";
import { createTestDatabase, TEST_PROVIDER } from "../support/database.ts";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase(TEST_PROVIDER, { migrated: false }));
});
afterAll(async () => {
  await drop?.();
});

const INDEXES = ["Case_assigneeId_closedAt_idx", "Case_assigneeId_state_idx"];

async function indexNames(): Promise<string[]> {
  const rows = db.provider === "sqlite"
    ? await db.client.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Case'`)
    : await db.client.$queryRawUnsafe<Array<{ name: string }>>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Case' AND schemaname = current_schema()`);
  return rows.map((r) => r.name).filter((n) => INDEXES.includes(n)).sort();
}

it("adds the indexes by assignee that App Home reads an engineer's cases through", async () => {
  const names = migrationsFor(db.provider).map((m) => m.name);
  const added = names.findIndex((n) => n.endsWith("_case_assignee_indexes"));
  expect(added).toBeGreaterThan(0);
  await migrate(db, { through: names[added - 1] });
  expect(await indexNames()).toEqual([]);
  await migrate(db);
  expect(await indexNames()).toEqual(INDEXES);
});
