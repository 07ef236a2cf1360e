// `db backup --out FILE`: a copy of the SQLite database taken while it is being written, that opens as a database
// with everything committed before the backup began, readable by its owner only; PostgreSQL is pointed to pg_dump.
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { openDatabase } from "../../src/db/client.ts";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const sqliteOnly = TEST_PROVIDER === "sqlite";
if (!sqliteOnly) console.log("db backup: the SQLite copy is tested on SQLite; on PostgreSQL only the pointer to pg_dump is");

describe.runIf(sqliteOnly)("db backup on SQLite", () => {
  it("copies the database while another connection writes, and the copy holds what was committed before", async () => {
    expect((await cli("contract", "add", "--customer", "株式会社サンプル", "--channel", "C0CUST1", "--incidents", "10", "--confirmed", "2026-04-01")).code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), "backup-")), "nested", "copy.db");
    // Writes by another connection while the backup copies pages: the backup must still finish with a whole copy.
    const writer = await openDatabase(database.url);
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing && written < 2_000) {
        await writer.client.contract.updateMany({ data: { note: `write ${written}` } });
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const r = await cli("db", "backup", "--out", out);
    writing = false;
    await writes;
    await writer.close();
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("integrity check: ok");
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const copy = await openDatabase(`file:${out}`);
    try {
      const contract = await copy.client.contract.findFirstOrThrow({ include: { customer: true } });
      expect(contract.customer.name).toBe("株式会社サンプル");
      expect(contract.purchased).toBe(10);
    } finally {
      await copy.close();
    }
  });

  it("refuses to overwrite a file, and asks for --out, with exit 2", async () => {
    const existing = join(mkdtempSync(join(tmpdir(), "backup-")), "there.db");
    writeFileSync(existing, "keep me");
    const again = await cli("db", "backup", "--out", existing);
    expect(again.code).toBe(2);
    expect(again.err).toContain("exists already");
    const none = await cli("db", "backup");
    expect(none.code).toBe(2);
    expect(none.err).toContain("--out");
  });
});

describe.runIf(!sqliteOnly)("db backup on PostgreSQL", () => {
  it("points to pg_dump with exit 2 and copies nothing", async () => {
    const r = await cli("db", "backup", "--out", join(mkdtempSync(join(tmpdir(), "backup-")), "x.db"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("pg_dump");
  });
});
