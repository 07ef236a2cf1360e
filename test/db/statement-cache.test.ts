// SQLite statements are compiled once and run again (src/db/statement-cache.ts): every query still gets its own
// parameters' rows, sees the schema as it is now, and fails as it did when its SQL is wrong.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { keepStatements, type SqliteDatabase } from "../../src/db/statement-cache.ts";

let dir: string | undefined;
let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  database = undefined;
  dir = undefined;
});

function fileUrl(): string {
  dir = mkdtempSync(join(tmpdir(), "incident-desk-statements-"));
  return `file:${join(dir, "app.db")}`;
}

async function migrated(): Promise<Database> {
  database = await openDatabase(fileUrl());
  await migrate(database);
  return database;
}

/** A real better-sqlite3 connection (the one Prisma's adapter opens), its compiles counted, then kept. */
async function countedConnection() {
  const adapter = await new PrismaBetterSqlite3({ url: fileUrl() }).connect();
  const connection = (adapter as { client?: unknown }).client as SqliteDatabase & { exec(sql: string): void };
  const compiled: string[] = [];
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (sql) => {
    compiled.push(sql);
    return prepare(sql);
  };
  const kept = keepStatements(connection);
  type Bound = { reader: boolean; columns(): Array<{ name: string }>; raw(): { all(): unknown[][] }; run(): { changes: number } };
  const run = (sql: string, args: unknown[] = []) => {
    const prepared: unknown = connection.prepare(sql);
    return (prepared as { bind(a: unknown[]): Bound }).bind(args);
  };
  return { connection, compiled, kept, run, close: () => adapter.dispose() };
}

describe("kept SQLite statements", () => {
  it("compile a statement once however often it runs, each run with its own parameters", async () => {
    const c = await countedConnection();
    try {
      c.connection.exec("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO person VALUES (1, '顧客'), (2, 'エンジニア'), (3, '管理者')");
      const select = "SELECT name FROM person WHERE id = ?";
      const names = [2, 1, 3, 2].map((id) => c.run(select, [id]).raw().all()[0]?.[0]);
      expect(names).toEqual(["エンジニア", "顧客", "管理者", "エンジニア"]);
      expect(c.compiled.filter((sql) => sql === select)).toHaveLength(1);
      expect(c.run("UPDATE person SET name = ? WHERE id = ?", ["担当者", 2]).run().changes).toBe(1);
      expect(c.run(select, [2]).raw().all()).toEqual([["担当者"]]);
    } finally {
      await c.close();
    }
  });

  it("name a table's new columns at the first run after the table changed", async () => {
    const c = await countedConnection();
    try {
      c.connection.exec("CREATE TABLE note (id INTEGER PRIMARY KEY); INSERT INTO note VALUES (1)");
      const all = "SELECT * FROM note";
      expect(c.run(all).columns().map((col) => col.name)).toEqual(["id"]);
      c.connection.exec("ALTER TABLE note ADD COLUMN body TEXT DEFAULT '本文'");
      const after = c.run(all);
      expect(after.columns().map((col) => col.name)).toEqual(["id", "body"]);
      expect(after.raw().all()).toEqual([[1n, "本文"]]);
    } finally {
      await c.close();
    }
  });

  it("keep a bounded number of texts: a query with a list of every length does not grow without end", async () => {
    const c = await countedConnection();
    try {
      c.connection.exec("CREATE TABLE n (v INTEGER)");
      for (let length = 1; length <= 700; length++) c.run(`SELECT v FROM n WHERE v IN (${Array(length).fill("?").join(",")})`, Array.from({ length }, (_, i) => i)).raw().all();
      expect(c.kept.size).toBeLessThanOrEqual(500);
      expect(c.kept.size).toBeGreaterThan(0);
    } finally {
      await c.close();
    }
  });

  it("give the app's queries the rows of their own arguments through the ORM, in and out of transactions", async () => {
    const db = await migrated();
    const made = await Promise.all(["一社", "二社", "三社"].map((name) => db.client.customer.create({ data: { name } })));
    for (const customer of [...made].reverse()) {
      expect((await db.client.customer.findUnique({ where: { id: customer.id } }))?.name).toBe(customer.name);
    }
    const renamed = await db.transaction(async (tx) => {
      await tx.customer.update({ where: { id: made[1]!.id }, data: { name: "二社（新）" } });
      return tx.customer.findUnique({ where: { id: made[1]!.id } });
    });
    expect(renamed?.name).toBe("二社（新）");
    expect((await db.client.customer.findMany({ orderBy: { id: "asc" } })).map((c) => c.name)).toEqual(["一社", "二社（新）", "三社"]);
  });

  it("fail a query whose SQL is wrong, or that breaks a constraint, as before; the next query works", async () => {
    const db = await migrated();
    await expect(db.client.$queryRawUnsafe("SELEC 1")).rejects.toThrow(/syntax error/);
    await expect(db.client.$queryRawUnsafe("SELEC 1")).rejects.toThrow(/syntax error/);
    await db.client.customer.create({ data: { name: "重複社" } });
    await expect(db.client.customer.create({ data: { name: "重複社" } })).rejects.toMatchObject({ code: "P2002" });
    expect(await db.client.customer.count()).toBe(1);
  });
});
