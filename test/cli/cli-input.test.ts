// The command line refuses what it should and explains itself without side effects: every command's --help
// changes nothing (not even `db migrate --help`), a second registration of the same customer and period is refused
// with the command meant instead, and bad numbers and dates get a message naming the flag (R-CON-2, R-CON-5).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_NAMES, runCli } from "../../src/cli/main.ts";
import { addDays, oneYearFrom } from "../../src/domain/contract.ts";
import { createTestDatabase, POSTGRES_URL, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function cli(argv: string[], url = database.url) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// The command line runs on the wall clock: dates are chosen around today.
const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());

/** Arguments that would make each command do its work, were --help not among them. */
const WORKING_ARGS: Record<string, string[]> = {
  "contract add": ["--customer", "ヘルプ株式会社", "--channel", "C0HELP1", "--incidents", "5", "--confirmed", today],
  "contract addition": ["--customer", "株式会社サンプル", "--incidents", "5"],
  "contract renew": ["--customer", "株式会社サンプル", "--incidents", "5", "--confirmed", today],
  "contract adjust": ["--customer", "株式会社サンプル", "--amount=-1", "--reason", "訂正"],
  "contract list": [],
  "ledger export": ["--from", "2000-01-01", "--to", "2100-12-31"],
  "channel entry": ["--channel", "C0CLIIN1"],
  "channel locale": ["--channel", "C0CLIIN1", "--locale", "en"],
  "scheduler run": ["--as-of", `${addDays(today, 400)}T10:00`, "--allow-future"],
  export: ["--out", join(tmpdir(), `never-written-${randomBytes(4).toString("hex")}`)],
};

/** Everything a command could change, in a comparable form. */
async function snapshot(db: TestDatabase["db"]) {
  const c = db.client;
  return JSON.stringify(await Promise.all([
    c.customer.findMany({ orderBy: { id: "asc" } }), c.customerChannel.findMany({ orderBy: { id: "asc" } }),
    c.contract.findMany({ orderBy: { id: "asc" } }), c.ledgerEntry.findMany({ orderBy: { id: "asc" } }),
    c.case.findMany({ orderBy: { id: "asc" } }), c.outboxMessage.findMany({ orderBy: { id: "asc" } }),
  ]));
}

/** A database nobody has migrated: SQLite, a file not yet created; PostgreSQL, an empty schema of its own. */
async function emptyDatabase(): Promise<{ url: string; isEmpty(): Promise<boolean>; drop(): Promise<void> }> {
  if (TEST_PROVIDER === "postgresql") {
    const schema = `t_help_${randomBytes(6).toString("hex")}`;
    await database.db.client.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
    return {
      url: `${POSTGRES_URL}?schema=${schema}`,
      async isEmpty() {
        const rows = await database.db.client.$queryRawUnsafe<Array<{ n: bigint | number }>>(
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1", schema);
        return Number(rows[0]?.n ?? 0) === 0;
      },
      drop: async () => { await database.db.client.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`); },
    };
  }
  const file = join(mkdtempSync(join(tmpdir(), "cli-help-")), "never.db");
  return { url: `file:${file}`, isEmpty: async () => !existsSync(file), drop: async () => {} };
}

describe("--help", () => {
  it("of every command explains it and changes nothing in a database holding data", async () => {
    expect((await cli(["contract", "add", "--customer", "株式会社サンプル", "--channel", "C0CLIIN1", "--incidents", "10", "--confirmed", today])).code).toBe(0);
    const before = await snapshot(database.db);
    for (const name of COMMAND_NAMES) {
      for (const help of ["--help", "-h"]) {
        const argv = [...name.split(" "), ...(WORKING_ARGS[name] ?? []), help];
        const r = await cli(argv);
        expect(r.code, argv.join(" ")).toBe(0);
        expect(r.out, argv.join(" ")).toContain(`npm run cli -- ${name}`);
      }
    }
    expect(await snapshot(database.db)).toBe(before);
    // The same arguments without --help do change it: the check above would see a command that ignored --help.
    expect((await cli(["contract", "add", ...WORKING_ARGS["contract add"]!])).code).toBe(0);
    expect(await snapshot(database.db)).not.toBe(before);
  });

  it("of the database commands, on a database never migrated, creates and migrates nothing", async () => {
    const empty = await emptyDatabase();
    try {
      for (const argv of [["db", "migrate", "--help"], ["db", "status", "--help"], ["db", "migrate", "-h"], ["scheduler", "run", "--help"], ["contract", "list", "--help"]]) {
        const r = await cli(argv, empty.url);
        expect(r.code, argv.join(" ")).toBe(0);
        expect(r.out, argv.join(" ")).toContain("npm run cli --");
      }
      expect(await empty.isEmpty()).toBe(true);
      expect((await cli(["db", "migrate"], empty.url)).out).toContain("applied:");
      expect(await empty.isEmpty()).toBe(false);
    } finally {
      await empty.drop();
    }
  });
});

describe("contract add", () => {
  const add = (...extra: string[]) => cli(["contract", "add", "--customer", "二重登録株式会社", "--channel", "C0TWICE1", "--incidents", "10", "--confirmed", today, ...extra]);

  it("refuses a second registration of the same customer and period, naming the commands meant instead", async () => {
    expect((await add()).code).toBe(0);
    const contracts = await database.db.client.contract.count();
    const again = await add();
    expect(again.code).toBe(2);
    expect(again.err).toContain(`"二重登録株式会社" already has contract`);
    expect(again.err).toContain(`${today} – ${oneYearFrom(today)}`);
    expect(again.err).toContain("contract addition --contract");
    expect(again.err).toContain("contract renew --customer");
    expect(again.err).toContain("--allow-overlap");
    expect(await database.db.client.contract.count()).toBe(contracts);
  });

  it("registers the second contract when asked for explicitly with --allow-overlap", async () => {
    const r = await add("--allow-overlap");
    expect(r.code, r.err).toBe(0);
    const customer = await database.db.client.customer.findUniqueOrThrow({ where: { name: "二重登録株式会社" }, include: { contracts: true } });
    expect(customer.contracts.map((c) => c.purchased)).toEqual([10, 10]);
  });

  it("registers a returning customer whose earlier contract has ended, without --allow-overlap", async () => {
    const lastYear = addDays(today, -400);
    expect((await cli(["contract", "add", "--customer", "再契約株式会社", "--channel", "C0BACK1", "--incidents", "3", "--start", lastYear, "--end", addDays(lastYear, 30)])).code).toBe(0);
    const r = await cli(["contract", "add", "--customer", "再契約株式会社", "--channel", "C0BACK1", "--incidents", "3", "--confirmed", today]);
    expect(r.code, r.err).toBe(0);
  });
});

describe("numbers and dates", () => {
  it("are refused with exit 2, a message naming the flag, and nothing written", async () => {
    const before = await snapshot(database.db);
    const base = ["--customer", "株式会社サンプル"];
    const cases: Array<[string[], string, RegExp]> = [
      [["contract", "addition", ...base, "--incidents", "-3"], "--incidents", /whole number from 1/],
      [["contract", "addition", ...base, "--incidents", "2.5"], "--incidents", /whole number from 1/],
      [["contract", "addition", ...base, "--incidents", "-0.5"], "--incidents", /whole number from 1/],
      [["contract", "add", "--customer", "負数株式会社", "--channel", "C0NEG1", "--incidents", "-3", "--confirmed", today], "--incidents", /whole number from 1/],
      [["contract", "add", "--customer", "千年株式会社", "--channel", "C0Y1026", "--incidents", "5", "--confirmed", "1026-04-01"], "--confirmed", /not be before 2000-01-01/],
      [["contract", "add", "--customer", "先の株式会社", "--channel", "C0FAR1", "--incidents", "5", "--confirmed", addDays(today, 400)], "--confirmed", /more than a year from today/],
      [["contract", "add", "--customer", "長期株式会社", "--channel", "C0LONG1", "--incidents", "5", "--start", today, "--end", "9999-12-31"], "--end", /at most 3 years/],
      [["contract", "renew", ...base, "--incidents", "5", "--start", "1999-12-31"], "--start", /not be before 2000-01-01/],
      [["contract", "renew", ...base, "--incidents", "5", "--confirmed", addDays(today, 400)], "--confirmed", /more than a year from today/],
      [["contract", "add", "--customer", "値なし株式会社", "--channel", "C0NOVAL1", "--incidents"], "--incidents", /needs a value/],
    ];
    for (const [argv, flag, text] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain(`${flag}:`);
      expect(r.err, argv.join(" ")).toMatch(text);
      expect(r.err, argv.join(" ")).not.toContain("ambiguous");
    }
    expect(await snapshot(database.db)).toBe(before);
  });

  it("accept a negative adjustment written with a space, as the operator typed it", async () => {
    const contract = await database.db.client.contract.findFirstOrThrow({ where: { customer: { name: "株式会社サンプル" } } });
    const r = await cli(["contract", "adjust", "--contract", String(contract.id), "--amount", "-2", "--reason", "登録誤りの訂正"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("by -2");
  });
});
