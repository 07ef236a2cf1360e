// PostgreSQL statements are named (src/db/statement-names.ts): each connection parses a statement once, every
// run still gets its own parameters' rows, and a statement that fails does not break the next one.
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { statementNames } from "../../src/db/statement-names.ts";
import { createTestDatabase, POSTGRES_URL, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

describe("statement names", () => {
  it("give one text one name, never one name two texts, and stop naming at the bound", () => {
    const name = statementNames(2);
    const a = name({ sql: "SELECT 1" });
    const b = name({ sql: "SELECT 2" });
    expect(a).not.toBe("");
    expect(b).not.toBe(a);
    expect(name({ sql: "SELECT 1" })).toBe(a);
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 2" })).toBe(b);
  });
});

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe.skipIf(TEST_PROVIDER !== "postgresql")("named statements on PostgreSQL", () => {
  it("are prepared once on a connection and give every run the rows of its own arguments", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const made = await Promise.all(["一社", "二社", "三社"].map((name) => db.client.customer.create({ data: { name } })));
    // One connection, so that what it has prepared can be read from it.
    const seen = await db.transaction(async (tx) => {
      const names: string[] = [];
      for (const customer of [...made, ...made].reverse()) names.push((await tx.customer.findUnique({ where: { id: customer.id } }))!.name);
      const prepared = await tx.$queryRawUnsafe<Array<{ statement: string }>>(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%"Customer"%'`);
      return { names, prepared };
    });
    expect(seen.names).toEqual(["三社", "二社", "一社", "三社", "二社", "一社"]);
    const reads = seen.prepared.filter((p) => p.statement.startsWith("SELECT") && p.statement.includes("LIMIT"));
    expect(reads).toHaveLength(1);
  });

  it("are planned for each run's values, as unnamed ones are (a case search's plan depends on its words)", async () => {
    database = await createTestDatabase();
    const [row] = await database.db.client.$queryRawUnsafe<Array<{ plan_cache_mode: string }>>("SHOW plan_cache_mode");
    expect(row?.plan_cache_mode).toBe("force_custom_plan");
  });

  it("are not prepared behind a transaction pooler (pgbouncer=true), where the next transaction meets another server connection", async () => {
    database = await createTestDatabase();
    const pooled = await openDatabase(`${POSTGRES_URL}?pgbouncer=true`, { schema: database.schema });
    try {
      const customer = await pooled.client.customer.create({ data: { name: "一社" } });
      const prepared = await pooled.transaction(async (tx) => {
        await tx.customer.findUnique({ where: { id: customer.id } });
        await tx.customer.findUnique({ where: { id: customer.id } });
        return tx.$queryRawUnsafe<Array<{ name: string }>>("SELECT name FROM pg_prepared_statements");
      });
      expect(prepared).toEqual([]);
    } finally {
      await pooled.close();
    }
  });

  it("fail a statement as before, and the same statement then runs", async () => {
    database = await createTestDatabase();
    const { db } = database;
    await db.client.customer.create({ data: { name: "重複社" } });
    await expect(db.client.customer.create({ data: { name: "重複社" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.client.$queryRawUnsafe("SELEC 1")).rejects.toThrow(/syntax error/);
    await expect(db.client.$queryRawUnsafe("SELEC 1")).rejects.toThrow(/syntax error/);
    await db.client.customer.create({ data: { name: "別社" } });
    expect((await db.client.customer.findMany({ orderBy: { id: "asc" } })).map((c) => c.name)).toEqual(["重複社", "別社"]);
  });
});
