// Upgrading a database whose ledger predates its running totals: the migration writes every contract's totals from
// the entries already there, so the digest's forecast and the usage chart read the same sums as before; cases that
// ended before their service-level figures were kept get them from the scheduler, and the SLA report reads the same
// before and after. Rules: R-CON-7, R-LIFE-7, R-CAL.
import { expect, it } from "vitest";
import { entrySums, spanSums } from "../../../src/db/contracts/ledger-totals.ts";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../../src/domain/calendar.ts";
import { fixSlaFigures } from "../../../src/services/sla-figures.ts";
import { slaReport } from "../../../src/services/sla-report.ts";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });
const tokyo = (local: string) => new Date(`${local.replace(" ", "T")}:00+09:00`);

it("keeps every sum of the ledger and every figure of the SLA report", async () => {
  await upgrade.before("_ledger_totals_and_case_sla_figures");
  // Raw SQL throughout: this version's client would also ask for the columns the migration adds.
  for (const name of ["株式会社サンプル", "他社株式会社"]) await upgrade.db.client.$executeRaw`INSERT INTO "Customer" ("name") VALUES (${name})`;
  for (const customerId of [1, 2]) {
    await upgrade.db.client.$executeRaw`INSERT INTO "Contract" ("customerId", "startsOn", "endsOn", "purchased", "available", "createdBy") VALUES (${customerId}, '2026-04-01', '2027-03-31', 40, 40, 'U0MGR1')`;
  }
  // Entries over three weeks, morning and night in Tokyo (so on both sides of midnight UTC), on both contracts.
  const kinds = ["reserve", "consume", "reserve", "release"];
  let n = 0;
  for (let day = 1; day <= 21; day++) {
    for (const hour of ["08:15", "20:40"]) {
      n += 1;
      const at = tokyo(`2026-06-${String(day).padStart(2, "0")} ${hour}`);
      const contractId = 1 + (n % 2);
      await upgrade.db.client.$executeRaw`INSERT INTO "LedgerEntry" ("contractId", "customerId", "kind", "amount", "actorId", "createdAt")
        VALUES (${contractId}, ${contractId}, ${kinds[n % 4]}, ${1 + (n % 3)}, 'U0ENG1', ${at})`;
    }
  }
  // Cases of June: resolved Friday 17:00 → answered Monday 10:00 → resolved Tuesday 17:00; answered late; still open.
  const cases: Array<[string, string, string | null, string | null]> = [
    ["resolved", "2026-06-05 17:00", "2026-06-08 10:00", "2026-06-09 17:00"],
    ["resolved", "2026-06-01 10:00", "2026-06-03 11:00", "2026-06-03 12:00"],
    ["cancelled", "2026-06-10 10:00", null, "2026-06-10 10:30"],
    ["open", "2026-06-15 10:00", null, null],
  ];
  for (const [i, [state, opened, answered, ended]] of cases.entries()) {
    await upgrade.db.client.$executeRaw`INSERT INTO "Case" ("customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents", "state", "openedBy",
        "createdAt", "updatedAt", "firstResponseAt", "closedAt")
      VALUES (1, 1, 'C0SAMPLE', ${`key-${i}`}, '案件', '内容', 'normal', 1, ${state}, 'U0CUST1', ${tokyo(opened)}, ${tokyo(opened)},
        ${answered ? tokyo(answered) : null}, ${ended ? tokyo(ended) : null})`;
  }

  await upgrade.rest();

  const all = ["reserve", "consume", "release"] as const;
  const sorted = (rows: Array<{ customerId: number; kind: string; amount: number }>) =>
    rows.filter((r) => r.amount !== 0).sort((a, b) => a.customerId - b.customerId || a.kind.localeCompare(b.kind));
  for (const range of [
    { gte: tokyo("2026-06-01 00:00") },
    { gte: tokyo("2026-06-08 00:00"), lt: tokyo("2026-06-15 00:00") },
    { gte: tokyo("2026-06-03 12:00"), lt: tokyo("2026-06-19 03:00") },
  ]) {
    expect(sorted(await spanSums(upgrade.db, all, range))).toEqual(sorted(await entrySums(upgrade.db, all, range)));
  }

  const deps = { db: upgrade.db, calendar, clock: { now: () => tokyo("2026-07-01 09:00") } };
  const period = { from: "2026-06-01", to: "2026-06-30" };
  const before = await slaReport(deps, period);
  expect(before[0]).toMatchObject({ month: "2026-06", customerId: null, cases: 4, responded: 2, firstResponseP50: 17, firstResponseP90: 49, breaches: 2, ended: 2 });
  // The scheduler's housekeeping fixes the three ended cases' figures, once; the report reads them the same.
  expect(await fixSlaFigures(deps, { limit: 2 })).toBe(2);
  expect(await fixSlaFigures(deps, { limit: 2 })).toBe(1);
  expect(await fixSlaFigures(deps, { limit: 2 })).toBe(0);
  expect(await slaReport(deps, period)).toEqual(before);
});
