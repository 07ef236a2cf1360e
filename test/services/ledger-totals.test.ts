// The ledger's running totals give every span the same sums as the ledger's own entries: the weekly digest's
// forecast and the usage chart read them instead of the entries. Written in the transaction of each entry, by day;
// an entry dated before days already totalled carries into them. Rules: R-CON-7, R-INC-6.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEntry } from "../../src/db/contracts/balances.ts";
import { entrySums, rebuildLedgerTotals, spanSums, type KindSum } from "../../src/db/contracts/ledger-totals.ts";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { createWorld, ENGINEER, openedCase, registerCustomer, tokyo, type World } from "./contract-world.ts";

let w: World;
const KINDS = ["reserve", "consume", "release", "purchase"] as const;

const sorted = (sums: KindSum[]) => [...sums].sort((a, b) => a.customerId - b.customerId || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
const fromLedger = async (range: { gte: Date; lt?: Date }) => sorted((await entrySums(w.database.db, KINDS, range)).filter((s) => s.amount !== 0));

beforeAll(async () => {
  w = await createWorld("2026-04-01 09:00");
  const a = await registerCustomer(w, { name: "株式会社サンプル", incidents: 30, confirmedOn: "2026-04-01" });
  const b = await registerCustomer(w, { name: "他社株式会社", incidents: 30, confirmedOn: "2026-04-01" });
  // Cases opened, resolved and cancelled over a fortnight, morning and evening (either side of midnight UTC).
  for (let day = 1; day <= 14; day++) {
    const date = `2026-04-${String(day).padStart(2, "0")}`;
    for (const [channelId, hour] of [[a.channelId, "08:30"], [b.channelId, "10:00"], [a.channelId, "19:45"]] as const) {
      w.clock.set(tokyo(`${date} ${hour}`));
      const caseId = await openedCase(w, channelId, day % 4 === 0 ? "A" : "normal");
      w.clock.set(tokyo(`${date} 23:${hour.slice(3)}`));
      if (day % 3 === 0) await cancelCase(w.deps, { caseId, actorId: ENGINEER, note: null });
      else await resolveCase(w.deps, { caseId, actorId: ENGINEER });
    }
  }
  // A correction dated before days already totalled.
  await w.database.db.transaction((tx) => recordEntry(tx, "consume", { contractId: a.contractId, customerId: a.customerId, amount: 2, actorId: ENGINEER, at: tokyo("2026-04-03 12:00") }));
});
afterAll(async () => {
  await w?.close();
});

describe("the ledger's running totals", () => {
  const spans: Array<[string, { gte: Date; lt?: Date }]> = [
    ["a local week", { gte: tokyo("2026-04-06 00:00"), lt: tokyo("2026-04-13 00:00") }],
    ["from a local midnight to now", { gte: tokyo("2026-04-05 00:00") }],
    ["within one day", { gte: tokyo("2026-04-07 09:00"), lt: tokyo("2026-04-07 21:00") }],
    ["from UTC midnight to UTC midnight", { gte: new Date("2026-04-02T00:00:00Z"), lt: new Date("2026-04-09T00:00:00Z") }],
    ["everything", { gte: tokyo("2026-03-01 00:00") }],
    ["a span with nothing in it", { gte: tokyo("2026-05-01 00:00"), lt: tokyo("2026-05-08 00:00") }],
  ];
  for (const [name, range] of spans) {
    it(`sums ${name} as the ledger's entries do`, async () => {
      expect(sorted(await spanSums(w.database.db, KINDS, range))).toEqual(await fromLedger(range));
    });
  }

  it("includes the correction in every span after its day", async () => {
    const range = { gte: tokyo("2026-04-01 00:00"), lt: tokyo("2026-04-04 00:00") };
    const consumed = (await spanSums(w.database.db, ["consume"], range)).reduce((n, s) => n + s.amount, 0);
    expect(consumed).toBe((await fromLedger(range)).filter((s) => s.kind === "consume").reduce((n, s) => n + s.amount, 0));
    expect(consumed).toBeGreaterThan(0);
  });

  it("comes out the same when written again from the ledger", async () => {
    const before = await w.database.db.client.ledgerTotal.findMany({ orderBy: [{ contractId: "asc" }, { kind: "asc" }, { day: "asc" }] });
    await rebuildLedgerTotals(w.database.db);
    const after = await w.database.db.client.ledgerTotal.findMany({ orderBy: [{ contractId: "asc" }, { kind: "asc" }, { day: "asc" }] });
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(20);
  });
});
