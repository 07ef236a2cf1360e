// A contract stored with dates the business calendar cannot compute with (registered before dates were checked:
// 1026 typed for 2026) no longer stops every contract notice: the scheduler pass skips it, tells managers once per
// contract in the triage channel, and sends every other customer's renewal and end notices (R-CON-4, R-CON-2).
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { createWorld, notices, pass, registerCustomer, tokyo, TRIAGE, type World } from "./world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** A contract as an old version stored it, without the checks registration makes now. */
async function storedWithoutChecks(w: World, name: string, channelId: string, startsOn: string, endsOn: string): Promise<number> {
  const at = w.clock.now();
  const customer = await w.database.db.client.customer.create({ data: { name, createdAt: at } });
  await w.database.db.client.customerChannel.create({ data: { channelId, customerId: customer.id, createdAt: at } });
  const contract = await w.database.db.client.contract.create({
    data: { customerId: customer.id, kind: "initial", startsOn, endsOn, createdBy: "U0MGR1", createdAt: at, purchased: 10, available: 10 },
  });
  return contract.id;
}

describe("contracts whose dates cannot be computed", { timeout: 60_000 }, () => {
  it("are skipped with one alert each, and every other contract notice still goes out", async () => {
    w = await createWorld({ now: tokyo("2026-12-01 09:00") });
    const renewing = await registerCustomer(w, { name: "更新の案内先株式会社", confirmedOn: "2026-04-01" });
    const ending = await registerCustomer(w, { name: "終了の案内先株式会社", startsOn: "2026-01-05", endsOn: "2027-01-20" });
    const thousandYears = await storedWithoutChecks(w, "千年株式会社", "C0Y1026", "1026-04-01", "1027-03-31");
    const beforeCalendars = await storedWithoutChecks(w, "紀元前株式会社", "C0Y0999", "0998-01-01", "0999-01-01");
    w.clock.set(tokyo("2027-02-01 11:00"));

    // A dry run sees the same and says so; the command exits 0 and writes nothing.
    const lines: string[] = [];
    const code = await runCli(["scheduler", "run", "--as-of", "2027-02-01T11:00", "--dry-run"], { DATABASE_URL: w.database.url, TRIAGE_CHANNEL: TRIAGE }, (l) => lines.push(l), (l) => lines.push(l));
    expect(code, lines.join("\n")).toBe(0);
    expect(lines.filter((l) => l.includes("cannot be computed") && l.includes("would skip"))).toHaveLength(2);
    expect(await notices(w, "alert.contract_dates")).toEqual([]);

    const report = await pass(w);
    const results = report.outcomes.map((o) => `${o.job} ${o.subject} ${o.result}`);
    expect(results).toEqual(expect.arrayContaining([
      `contract-ended contract ${beforeCalendars} 紀元前株式会社 skipped`,
      `contract-ended contract ${thousandYears} 千年株式会社 skipped`,
      `contract-ended contract ${ending.contractId} 終了の案内先株式会社 done`,
      `renewal-notice contract ${renewing.contractId} 更新の案内先株式会社 done`,
    ]));
    expect(report.outcomes.filter((o) => o.result === "failed")).toEqual([]);
    expect((await notices(w, "notice.renewal_due")).map((r) => r.channelId)).toEqual([renewing.channelId]);
    expect((await notices(w, "notice.contract_ended")).map((r) => r.channelId)).toEqual([ending.channelId]);

    const alerts = await notices(w, "alert.contract_dates");
    expect(alerts.map((a) => [a.channelId, "params" in a.payload ? a.payload.params : null])).toEqual([
      [TRIAGE, { customer: "紀元前株式会社", id: beforeCalendars, startsOn: "0998-01-01", endsOn: "0999-01-01" }],
      [TRIAGE, { customer: "千年株式会社", id: thousandYears, startsOn: "1026-04-01", endsOn: "1027-03-31" }],
    ]);

    // Later passes neither fail on them nor tell managers again.
    w.clock.set(tokyo("2027-02-02 11:00"));
    const next = await pass(w);
    expect(next.outcomes.filter((o) => o.subject.includes("千年") || o.subject.includes("紀元前") || o.result === "failed")).toEqual([]);
    expect(await notices(w, "alert.contract_dates")).toHaveLength(2);
  });
});
