// The usage forecast read from a real database: a customer using incidents faster than its contract lasts is
// flagged in the overview and ordered among those expiring by the date each must act by; /balance <customer> shows
// the rate, the projected day, last year's usage with its level A cases and a renewal size. Rules: R-CON-2, R-CON-4.
import { afterEach, describe, expect, it } from "vitest";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { customerDetail } from "../../src/services/customer-detail.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { customerDetailMessage } from "../../src/slack/views/customer-detail.ts";
import { createWorld, ENGINEER, openedCase, registerCustomer, tokyo, type World } from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await w.close();
});

/** On each date the customer opens a case (level A where asked) and an engineer resolves it. */
async function useOn(channelId: string, dates: string[], level: "normal" | "A" = "normal"): Promise<void> {
  for (const d of dates) {
    w.clock.set(tokyo(`${d} 10:00`));
    const caseId = await openedCase(w, channelId, level);
    w.clock.set(tokyo(`${d} 15:00`));
    await resolveCase(w.deps, { caseId, actorId: ENGINEER });
  }
}

describe("the usage forecast", () => {
  it("flags a customer who will run out before the end, and orders it with those expiring by the date to act by", async () => {
    w = await createWorld("2026-04-01 09:00");
    const busy = await registerCustomer(w, { name: "利用の多い顧客", incidents: 10, confirmedOn: "2026-04-01" });
    const quiet = await registerCustomer(w, { name: "利用の少ない顧客", incidents: 10, confirmedOn: "2026-04-01" });
    await registerCustomer(w, { name: "期限間近の顧客", incidents: 20, confirmedOn: "2025-08-01" });
    await useOn(busy.channelId, ["2026-04-10", "2026-04-24", "2026-05-08", "2026-05-22", "2026-06-05", "2026-06-19"]);
    await useOn(quiet.channelId, ["2026-05-11"]);
    // A case cancelled as a product defect gives its incident back: no usage.
    w.clock.set(tokyo("2026-06-22 10:00"));
    const cancelled = await openedCase(w, quiet.channelId);
    await cancelCase(w.deps, { caseId: cancelled, actorId: ENGINEER, note: "製品の不具合" });

    w.clock.set(tokyo("2026-07-01 09:00"));
    const rows = await balanceOverview(w.deps);
    // 6 drawn in 90 days: the 4 left last 60 days, the last drawn on 2026-08-29, long before 2027-03-31. The
    // customer whose contract ends on 2026-07-31 must act first.
    expect(rows.map((r) => [r.name, r.attention, r.exhaustsOn])).toEqual([
      ["期限間近の顧客", "expiring", null],
      ["利用の多い顧客", "running_out", "2026-08-29"],
      ["利用の少ない顧客", null, null],
    ]);
  });

  it("shows the rate, the projected day, last year's usage and a renewal size in /balance <customer>", async () => {
    w = await createWorld("2025-10-01 09:00");
    const c = await registerCustomer(w, { name: "株式会社サンプル", incidents: 20, confirmedOn: "2025-10-01" });
    await useOn(c.channelId, ["2025-11-04", "2026-01-15"], "A");
    await useOn(c.channelId, ["2026-06-01", "2026-06-15", "2026-07-01", "2026-07-15", "2026-08-03", "2026-08-17", "2026-09-01", "2026-09-15"]);

    w.clock.set(tokyo("2026-09-18 09:00"));
    const detail = await customerDetail(w.deps, c.customerId);
    expect(detail?.forecast).toMatchObject({
      windowDays: 90, drawn: 6, available: 6, endsOn: "2026-09-30", exhaustsOn: null, runsOutEarly: false,
      lastYear: { consumed: 14, levelA: 2 }, suggestedRenewal: 15,
    });
    const text = JSON.stringify(customerDetailMessage(detail!, "Asia/Tokyo", translator("ja")).blocks);
    expect(text).toContain("利用ペース: 直近 90 日で 6 インシデント（1 か月あたり約 2.0）");
    expect(text).toContain("このペースでは契約終了（2026-09-30）まで残る見込みです。");
    expect(text).toContain("過去 12 か月の消費: 14 インシデント（うちサービスレベルA 2 件） · 更新時の推奨数: 15 インシデント");
  });

  it("waits for two weeks of history before projecting anything", async () => {
    w = await createWorld("2026-04-01 09:00");
    const c = await registerCustomer(w, { name: "新規の顧客", incidents: 3, confirmedOn: "2026-04-01" });
    await useOn(c.channelId, ["2026-04-02", "2026-04-03"]);
    w.clock.set(tokyo("2026-04-06 09:00"));
    const detail = await customerDetail(w.deps, c.customerId);
    expect(detail?.forecast).toMatchObject({ ratePerDay: null, exhaustsOn: null, runsOutEarly: false });
    const rows = await balanceOverview(w.deps);
    expect(rows[0]).toMatchObject({ attention: "low", exhaustsOn: null });
    expect(JSON.stringify(customerDetailMessage(detail!, "Asia/Tokyo", translator("ja")).blocks)).toContain("利用実績が 14 日に満たないため");
  });
});
