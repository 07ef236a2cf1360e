// Bulk data for the scale sections, written with set-based raw SQL (a recursive CTE on SQLite,
// generate_series on PostgreSQL) because a million rows through the ORM would take longer than the measurement.
// Rows follow the app's own conventions (instants as Prisma stores them, consistent contract counters), so
// the services the scheduler calls can act on them.
import type { Database } from "../src/db/client.ts";

/** The SQL that differs between the two databases. */
interface Dialect {
  /** Rows n = from..to as a FROM source, with a WITH prefix on SQLite. */
  series(from: number, to: number): { prefix: string; source: string };
  /** The instant `seconds` (an SQL expression) after a fixed instant, as the app stores DateTime. */
  instant(base: Date, seconds: string): string;
  pad(expr: string, width: number): string;
  /** An SQL text expression as the column's enum type (PostgreSQL enums take no text without a cast). */
  typed(expr: string, type: string): string;
}

const sqlite: Dialect = {
  series: (from, to) => ({ prefix: `WITH RECURSIVE s(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM s WHERE n < ${to})`, source: "s" }),
  // Prisma's SQLite adapter stores DateTime as ISO text with milliseconds and "+00:00".
  instant: (base, seconds) => `(strftime('%Y-%m-%dT%H:%M:%f', '${iso(base)}', (${seconds}) || ' seconds') || '+00:00')`,
  pad: (expr, width) => `printf('%0${width}d', ${expr})`,
  typed: (expr, type) => (type === "boolean" ? `CASE WHEN ${expr} THEN 1 ELSE 0 END` : expr),
};

const postgres: Dialect = {
  series: (from, to) => ({ prefix: "", source: `generate_series(${from}, ${to}) AS s(n)` }),
  instant: (base, seconds) => `(TIMESTAMP '${iso(base)}' + (${seconds}) * INTERVAL '1 second')`,
  pad: (expr, width) => `lpad((${expr})::text, ${width}, '0')`,
  typed: (expr, type) => (type === "boolean" ? `(${expr})` : `(${expr})::"${type}"`),
};

function iso(at: Date): string {
  return at.toISOString().replace("T", " ").replace("Z", "");
}

const dialect = (db: Database): Dialect => (db.provider === "sqlite" ? sqlite : postgres);

export function localDay(at: Date, days: number): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** `count` customers, each with one channel (C0SCALE0001…) and one contract valid for most of a year around `at`. */
export async function seedCustomers(db: Database, count: number, at: Date): Promise<void> {
  const d = dialect(db);
  const run = async (sql: (s: { prefix: string; source: string }) => string) => db.client.$executeRawUnsafe(sql(d.series(1, count)));
  await run((s) => `${s.prefix} INSERT INTO "Customer" ("id", "name", "createdAt")
    SELECT n, 'スケール株式会社 ' || ${d.pad("n", 4)}, ${d.instant(at, "-86400 * 200")} FROM ${s.source}`);
  await run((s) => `${s.prefix} INSERT INTO "CustomerChannel" ("id", "channelId", "customerId", "locale", "createdAt")
    SELECT n, 'C0SCALE' || ${d.pad("n", 4)}, n, 'ja', ${d.instant(at, "-86400 * 200")} FROM ${s.source}`);
  // Each channel is shared with its customer's own workspace, as registration records it.
  await run((s) => `${s.prefix} INSERT INTO "ChannelTeam" ("id", "channelId", "teamId", "role", "decidedBy", "createdAt", "updatedAt")
    SELECT n, 'C0SCALE' || ${d.pad("n", 4)}, 'T0SC' || ${d.pad("n", 4)}, 'customer', 'U0MGR1', ${d.instant(at, "-86400 * 200")}, ${d.instant(at, "-86400 * 200")} FROM ${s.source}`);
  // Ends ~300 days on: no renewal or end notice falls due during the measured ticks.
  await run((s) => `${s.prefix} INSERT INTO "Contract" ("id", "customerId", "kind", "startsOn", "endsOn", "purchased", "available", "reserved", "consumed", "createdBy", "createdAt")
    SELECT n, n, 'initial', '${localDay(at, -65)}', '${localDay(at, 300)}', 1000000, 1000000, 0, 0, 'U0MGR1', ${d.instant(at, "-86400 * 65")} FROM ${s.source}`);
  await resetSequences(db, ["Customer", "CustomerChannel", "ChannelTeam", "Contract"]);
}

const TIMERS = ["firstResponseRemindAt", "firstResponseDueAt", "delayNoticeAt", "autoCloseRemindAt", "autoCloseAt"] as const;

/**
 * Cases with ids from..to spread over `customers` customers. Of them, `due` (evenly spaced) have exactly one
 * timer due at `asOf` (a day before it), taking the five timers in turn; 4% are active with every timer in the
 * future; the rest are resolved, with no timer set, like most of what a long-running desk stores.
 */
export async function seedCases(db: Database, options: { from: number; to: number; due: number; customers: number; asOf: Date }): Promise<void> {
  const d = dialect(db);
  const { from, to, customers, asOf } = options;
  const count = to - from + 1;
  const step = options.due > 0 ? Math.max(1, Math.floor(count / options.due)) : count + 1;
  const i = `(n - ${from})`;
  const isDue = `(${i} % ${step} = 0 AND ${i} / ${step} < ${options.due})`;
  const kind = `((${i} / ${step}) % 5)`;
  const active = `(NOT ${isDue} AND ${i} % 100 BETWEEN 1 AND 4)`;
  const dueAt = d.instant(asOf, `-86400 + ${i} % 3600`);
  const later = (seconds: number) => d.instant(asOf, `${seconds} + ${i} % 3600`);
  const due = (k: number) => `(${isDue} AND ${kind} = ${k})`;
  // Each due case is in the state its timer expects: no first response yet for the first-response timers, a
  // waiting customer question for the delay notice, an answer awaiting the customer for the auto-close ones.
  const state = `CASE WHEN ${isDue} THEN (CASE WHEN ${kind} >= 3 THEN 'answered' ELSE 'open' END) WHEN ${active} THEN 'open' ELSE 'resolved' END`;
  const unanswered = `(${due(0)} OR ${due(1)} OR ${active})`;
  const created = d.instant(asOf, `-86400 * 30 - (${to} - n) * 2`);
  const customer = `(1 + n % ${customers})`;
  const when = (cond: string, value: string, otherwise = "NULL") => `CASE WHEN ${cond} THEN ${value} ELSE ${otherwise} END`;
  const s = d.series(from, to);
  await db.client.$executeRawUnsafe(`${s.prefix} INSERT INTO "Case" ("id", "customerId", "contractId", "channelId", "requestKey", "title",
      "description", "level", "incidents", "state", "openedBy", "rootTs", "triageTs", "createdAt", "updatedAt", "firstResponseAt",
      "lastEngineerMessageAt", "oldestUnansweredAt", "closedAt", "closedBy",
      "slaFirstResponseHours", "slaResolutionDays", "slaBreached", "slaFiguredAt", ${TIMERS.map((t) => `"${t}"`).join(", ")})
    SELECT n, ${customer}, ${customer}, 'C0SCALE' || ${d.pad(customer, 4)}, 'scale-' || n, 'ライセンス認証エラー ' || n,
      'ライセンス認証の画面でエラーが表示されます。', 'normal', 1, ${d.typed(state, "CaseState")}, 'U0CUST1', '1764000000.' || ${d.pad("n", 6)}, NULL,
      ${created}, ${created}, ${when(unanswered, "NULL", created)}, ${when(unanswered, "NULL", created)},
      ${when(`${state} = 'resolved' OR ${due(3)} OR ${due(4)}`, "NULL", created)},
      ${when(`${state} = 'resolved'`, created)}, ${when(`${state} = 'resolved'`, "'U0ENG1'")},
      ${when(`${state} = 'resolved'`, "2.5")}, ${when(`${state} = 'resolved'`, "1")}, ${when(`${state} = 'resolved'`, d.typed("0 = 1", "boolean"))}, ${when(`${state} = 'resolved'`, created)},
      ${when(due(0), dueAt, when(active, later(86400)))},
      ${when(due(1), dueAt, when(due(0), later(7200), when(active, later(93600))))},
      ${when(due(2), dueAt, when(active, later(3 * 86400)))},
      ${when(due(3), dueAt)},
      ${when(due(4), dueAt, when(due(3), later(2 * 86400)))}
    FROM ${s.source}`);
  // An active case holds its incidents on its contract, as opening it would have recorded.
  await db.client.$executeRawUnsafe(`INSERT INTO "CaseReservation" ("caseId", "contractId", "incidents")
    SELECT "id", "contractId", "incidents" FROM "Case" WHERE "id" BETWEEN ${from} AND ${to} AND "state" IN ('open', 'in_progress', 'answered')`);
  await resetSequences(db, ["Case", "CaseReservation"]);
  await refreshCounters(db);
}

/** Contract counters that agree with the seeded cases: active cases reserved, resolved ones consumed. */
async function refreshCounters(db: Database): Promise<void> {
  await db.client.$executeRawUnsafe(`UPDATE "Contract" SET "reserved" = a."r", "consumed" = a."c", "available" = "purchased" - a."r" - a."c"
    FROM (SELECT "contractId" AS "id",
      SUM(CASE WHEN "state" IN ('open', 'in_progress', 'answered') THEN "incidents" ELSE 0 END) AS "r",
      SUM(CASE WHEN "state" IN ('resolved', 'closed') THEN "incidents" ELSE 0 END) AS "c"
      FROM "Case" GROUP BY "contractId") AS a
    WHERE "Contract"."id" = a."id"`);
}

/** PostgreSQL's id sequences do not see explicit ids; SQLite's AUTOINCREMENT does. */
async function resetSequences(db: Database, tables: string[]): Promise<void> {
  if (db.provider !== "postgresql") return;
  for (const table of tables) {
    await db.client.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "${table}"))`);
  }
}

/** Fresh statistics for the planner after a bulk load, as autovacuum would gather soon after. */
export async function analyze(db: Database): Promise<void> {
  await db.client.$executeRawUnsafe(db.provider === "sqlite" ? "ANALYZE" : `ANALYZE "Case"; `.trim());
  if (db.provider === "postgresql") {
    for (const table of ["Contract", "LedgerEntry", "Customer"]) await db.client.$executeRawUnsafe(`ANALYZE "${table}"`);
  }
}
