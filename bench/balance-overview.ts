// The managers' overview at scale: 1,000 customers (a quarter with a renewal bought ahead, some ended, some
// nearly used up), their cases, and a million ledger entries. The overview reads the counters kept on each
// contract, so its time must not grow with the ledger: it is timed before and after the million entries land.
//
//   npx tsx bench/balance-overview.ts [--postgresql] [--customers N] [--ledger N]
import { parseArgs } from "node:util";
import type { Database } from "../src/db/client.ts";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../src/domain/calendar.ts";
import { balanceOverview } from "../src/services/balance-overview.ts";
import type { ServiceDeps } from "../src/services/deps.ts";
import { createTestDatabase } from "../test/support/database.ts";
import { summarize, type Summary } from "./stats.ts";

export interface BalanceSeed {
  customers: number;
  /** Ledger entries in all; every contract gets its purchase, then reserve/consume pairs. */
  ledgerEntries: number;
  /** Cases in all, 2% of them open. */
  cases: number;
  /** The instant the data is "now" for; contract dates spread around its local date. */
  at: Date;
  /** The local date of `at` in the business timezone. */
  today: string;
}

/** The SQL that differs between the two databases. */
interface Dialect {
  series(to: number): { prefix: string; source: string };
  /** A "YYYY-MM-DD" date `days` (an SQL expression) after a fixed date. */
  day(from: string, days: string): string;
  /** The instant `seconds` (an SQL expression) after a fixed instant, as Prisma stores DateTime. */
  instant(base: Date, seconds: string): string;
  pad(expr: string, width: number): string;
}

const sqlite: Dialect = {
  series: (to) => ({ prefix: `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${to})`, source: "s" }),
  day: (from, days) => `date('${from}', (${days}) || ' days')`,
  instant: (base, seconds) => `(strftime('%Y-%m-%dT%H:%M:%f', '${base.toISOString().slice(0, 19)}', (${seconds}) || ' seconds') || '+00:00')`,
  pad: (expr, width) => `printf('%0${width}d', ${expr})`,
};

const postgres: Dialect = {
  series: (to) => ({ prefix: "", source: `generate_series(1, ${to}) AS s(n)` }),
  day: (from, days) => `to_char(DATE '${from}' + (${days})::int, 'YYYY-MM-DD')`,
  instant: (base, seconds) => `(TIMESTAMP '${base.toISOString().slice(0, 19).replace("T", " ")}' + (${seconds}) * INTERVAL '1 second')`,
  pad: (expr, width) => `lpad((${expr})::text, ${width}, '0')`,
};

/**
 * Customers, channels and contracts with varied periods and balances, and their cases (2% open). Contract k of
 * customer n: every customer has one whose end is spread over the coming year (some already ended); every fourth
 * has a renewal starting 30 days before that end. Counters start at a purchase of 400–429 incidents.
 */
export async function seedBalanceCustomers(db: Database, seed: Omit<BalanceSeed, "ledgerEntries">): Promise<void> {
  const d = db.provider === "sqlite" ? sqlite : postgres;
  const { customers, cases, at, today } = seed;
  const start = `(-((n * 37) % 420))`;
  await bulk(db, [
    (s) => `${s.prefix} INSERT INTO "Customer" ("id", "name", "createdAt") SELECT n, 'ベンチ株式会社 ' || ${d.pad("n", 5)}, ${d.instant(at, "-86400 * 500")} FROM ${s.source}`,
    (s) => `${s.prefix} INSERT INTO "CustomerChannel" ("id", "channelId", "customerId", "locale", "createdAt")
      SELECT n, 'C0BENCH' || ${d.pad("n", 5)}, n, 'ja', ${d.instant(at, "-86400 * 500")} FROM ${s.source}`,
    (s) => `${s.prefix} INSERT INTO "Contract" ("id", "customerId", "kind", "startsOn", "endsOn", "purchased", "available", "reserved", "consumed", "createdBy", "createdAt")
      SELECT n, n, 'initial', ${d.day(today, start)}, ${d.day(today, `${start} + 364`)}, 400 + n % 30, 400 + n % 30, 0, 0, 'U0MGR1', ${d.instant(at, "-86400 * 420")} FROM ${s.source}`,
  ], d.series(customers));
  await bulk(db, [
    (s) => `${s.prefix} INSERT INTO "Contract" ("id", "customerId", "kind", "startsOn", "endsOn", "purchased", "available", "reserved", "consumed", "createdBy", "createdAt")
      SELECT ${customers} + n, n * 4, 'renewal', ${d.day(today, `-(((n * 4) * 37) % 420) + 334`)}, ${d.day(today, `-(((n * 4) * 37) % 420) + 698`)},
        400 + n % 30, 400 + n % 30, 0, 0, 'U0MGR1', ${d.instant(at, "-86400 * 30")} FROM ${s.source}`,
  ], d.series(Math.floor(customers / 4)));
  if (cases > 0) {
    const customer = `(1 + n % ${customers})`;
    const open = `(n % 50 = 0)`;
    const created = d.instant(at, `-86400 * 300 + n * 7`);
    await bulk(db, [
      (s) => `${s.prefix} INSERT INTO "Case" ("id", "customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents",
          "state", "openedBy", "createdAt", "updatedAt", "closedAt", "closedBy")
        SELECT n, ${customer}, ${customer}, 'C0BENCH' || ${d.pad(customer, 5)}, 'bench-' || n, 'ライセンス認証エラー ' || n,
          'ライセンス認証の画面でエラーが表示されます。', 'normal', 1, (CASE WHEN ${open} THEN 'open' ELSE 'resolved' END)${db.provider === "postgresql" ? '::"CaseState"' : ""}, 'U0CUST1',
          ${created}, ${created}, CASE WHEN ${open} THEN NULL ELSE ${created} END, CASE WHEN ${open} THEN NULL ELSE 'U0ENG1' END
        FROM ${s.source}`,
    ], d.series(cases));
  }
  await resetSequences(db, ["Customer", "CustomerChannel", "Contract", "Case"]);
}

/**
 * `count` ledger entries over every contract: its purchase first, then reserve and consume pairs of one incident,
 * spread over the last 300 days; the contracts' counters are then made to agree with their ledger (R-CON-7).
 */
export async function seedBalanceLedger(db: Database, seed: Pick<BalanceSeed, "ledgerEntries" | "at">): Promise<void> {
  const d = db.provider === "sqlite" ? sqlite : postgres;
  const contracts = await db.client.contract.count();
  if (contracts === 0 || seed.ledgerEntries === 0) return;
  const contract = `(1 + (n - 1) % ${contracts})`;
  const round = `((n - 1) / ${contracts})`;
  // Rounds alternate reserve and consume; the last reserve of a contract may stay open, as a case in progress does.
  const kind = `(CASE WHEN ${round} = 0 THEN 'purchase' WHEN ${round} % 2 = 1 THEN 'reserve' ELSE 'consume' END)${db.provider === "postgresql" ? '::"LedgerKind"' : ""}`;
  const rounds = Math.ceil(seed.ledgerEntries / contracts);
  await bulk(db, [
    (s) => `${s.prefix} INSERT INTO "LedgerEntry" ("id", "contractId", "customerId", "caseId", "kind", "amount", "actorId", "createdAt")
      SELECT n, ${contract}, (SELECT "customerId" FROM "Contract" WHERE "id" = ${contract}), NULL, ${kind},
        CASE WHEN ${round} = 0 THEN ${Math.ceil(rounds / 2) + 5} + ${contract} % 30 ELSE 1 END,
        CASE WHEN ${round} = 0 THEN 'U0MGR1' ELSE 'U0CUST1' END, ${d.instant(seed.at, `-86400 * 300 + n * 25`)} FROM ${s.source}`,
    () => `UPDATE "Contract" SET "purchased" = a."p", "reserved" = a."r" - a."c", "consumed" = a."c", "available" = a."p" - a."r"
      FROM (SELECT "contractId" AS "id",
        SUM(CASE WHEN "kind" = 'purchase' THEN "amount" ELSE 0 END) AS "p",
        SUM(CASE WHEN "kind" = 'reserve' THEN "amount" ELSE 0 END) AS "r",
        SUM(CASE WHEN "kind" = 'consume' THEN "amount" ELSE 0 END) AS "c"
        FROM "LedgerEntry" GROUP BY "contractId") AS a
      WHERE "Contract"."id" = a."id"`,
  ], d.series(seed.ledgerEntries));
  await resetSequences(db, ["LedgerEntry"]);
  await db.client.$executeRawUnsafe(db.provider === "sqlite" ? "ANALYZE" : `ANALYZE "LedgerEntry"`);
}

/** Set-based statements in one transaction: a million rows through the ORM would take minutes. */
async function bulk(db: Database, statements: Array<(s: { prefix: string; source: string }) => string>, series: { prefix: string; source: string }): Promise<void> {
  await db.client.$transaction(async (tx) => {
    for (const sql of statements) await tx.$executeRawUnsafe(sql(series));
  }, { timeout: 600_000, maxWait: 60_000 });
}

/** PostgreSQL's id sequences do not see explicit ids; SQLite's AUTOINCREMENT does. */
async function resetSequences(db: Database, tables: string[]): Promise<void> {
  if (db.provider !== "postgresql") return;
  for (const table of tables) {
    await db.client.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "${table}"))`);
  }
}

/** balanceOverview timed `runs` times after five warm-up calls (the JIT and the database caches), in milliseconds. */
export async function timeOverview(deps: ServiceDeps, runs: number): Promise<{ summary: Summary; rows: number; attention: number }> {
  const first = await balanceOverview(deps);
  for (let i = 0; i < 4; i++) await balanceOverview(deps);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await balanceOverview(deps);
    samples.push(performance.now() - started);
  }
  return { summary: summarize(samples), rows: first.length, attention: first.filter((r) => r.attention).length };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { postgresql: { type: "boolean" }, customers: { type: "string" }, ledger: { type: "string" }, runs: { type: "string" } } });
  const customers = Number(values.customers ?? 1000);
  const ledgerEntries = Number(values.ledger ?? 1_000_000);
  const runs = Number(values.runs ?? 30);
  const database = await createTestDatabase(values.postgresql ? "postgresql" : "sqlite");
  try {
    const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
    const at = new Date("2026-11-25T03:00:00Z");
    const deps: ServiceDeps = { db: database.db, clock: { now: () => at }, calendar, triageChannel: null };
    const seed: BalanceSeed = { customers, ledgerEntries, cases: customers * 50, at, today: calendar.localDate(at) };
    let started = performance.now();
    await seedBalanceCustomers(database.db, seed);
    const seededCustomers = (performance.now() - started) / 1000;
    const before = await timeOverview(deps, runs);
    started = performance.now();
    await seedBalanceLedger(database.db, seed);
    const seededLedger = (performance.now() - started) / 1000;
    const after = await timeOverview(deps, runs);
    const ledger = await database.db.client.ledgerEntry.count();
    const contracts = await database.db.client.contract.count();
    const line = (label: string, r: typeof before) =>
      `${label}: p50 ${r.summary.p50.toFixed(1)} ms, p95 ${r.summary.p95.toFixed(1)} ms, max ${r.summary.max.toFixed(1)} ms (${r.rows} customers, ${r.attention} needing attention)`;
    console.log(`balance overview on ${database.db.provider}: ${customers} customers, ${contracts} contracts, ${seed.cases} cases, ${runs} runs each`);
    console.log(`  seeded customers, contracts and cases in ${seededCustomers.toFixed(1)} s; ${ledger} ledger entries in ${seededLedger.toFixed(1)} s`);
    console.log(`  ${line("without ledger entries", before)}`);
    console.log(`  ${line(`with ${ledger} ledger entries`, after)}`);
  } finally {
    await database.drop();
  }
}

if (process.argv[1]?.endsWith("balance-overview.ts")) await main();
