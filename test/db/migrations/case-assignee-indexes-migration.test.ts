// Upgrading to the version whose App Home reads each engineer's cases by assignee at every refresh: the migration
// adds the two indexes it reads through, on both databases.
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

const INDEXES = ["Case_assigneeId_closedAt_idx", "Case_assigneeId_state_idx"];

async function indexNames(): Promise<string[]> {
  const rows = upgrade.db.provider === "sqlite"
    ? await upgrade.db.client.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Case'`)
    : await upgrade.db.client.$queryRawUnsafe<Array<{ name: string }>>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Case' AND schemaname = current_schema()`);
  return rows.map((r) => r.name).filter((n) => INDEXES.includes(n)).sort();
}

it("adds the indexes by assignee that App Home reads an engineer's cases through", async () => {
  await upgrade.before("_case_assignee_indexes");
  expect(await indexNames()).toEqual([]);
  await upgrade.rest();
  expect(await indexNames()).toEqual(INDEXES);
});
