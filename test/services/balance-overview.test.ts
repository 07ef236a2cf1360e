// The managers' overview puts who needs attention first: no valid contract, everything consumed, not started yet,
// expiring soonest, then fewest incidents left; a renewal bought ahead is not "expiring". Rules: R-CON-2, R-CON-4,
// R-CON-6.
import { afterEach, describe, expect, it } from "vitest";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { createWorld, ENGINEER, MANAGER, openedCase, registerCustomer, type World } from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await w.close();
});

describe("the balance overview", () => {
  it("sorts customers by what needs attention, with the days left to renew", async () => {
    w = await createWorld("2027-02-15 10:00");
    await registerCustomer(w, { name: "余裕のある顧客", incidents: 50, confirmedOn: "2026-10-01" });
    await registerCustomer(w, { name: "残りわずかの顧客", incidents: 2, confirmedOn: "2026-10-01" });
    await registerCustomer(w, { name: "期限間近の顧客", incidents: 20, confirmedOn: "2026-04-01" });
    await registerCustomer(w, { name: "もっと間近の顧客", incidents: 20, confirmedOn: "2026-03-01" });
    await registerCustomer(w, { name: "期限切れの顧客", incidents: 20, confirmedOn: "2025-04-01" });
    await registerCustomer(w, { name: "開始前の顧客", incidents: 20, confirmedOn: "2027-03-01" });
    const used = await registerCustomer(w, { name: "使い切った顧客", incidents: 1, confirmedOn: "2026-10-01" });
    await resolveCase(w.deps, { caseId: await openedCase(w, used.channelId), actorId: ENGINEER });
    const renewed = await registerCustomer(w, { name: "更新済みの顧客", incidents: 20, confirmedOn: "2026-04-01" });
    await renewContract(w.deps, { customerId: renewed.customerId, incidents: 20, confirmedOn: "2027-02-01", actorId: MANAGER });

    const rows = await balanceOverview(w.deps);
    expect(rows.map((r) => [r.name, r.attention, r.daysLeft])).toEqual([
      ["期限切れの顧客", "expired", null],
      ["使い切った顧客", "exhausted", null],
      ["開始前の顧客", "not_started", 379],
      ["もっと間近の顧客", "expiring", 13],
      ["期限間近の顧客", "expiring", 44],
      ["残りわずかの顧客", "low", 227],
      ["更新済みの顧客", null, 350],
      ["余裕のある顧客", null, 227],
    ]);
    const renewedRow = rows.find((r) => r.name === "更新済みの顧客");
    expect(renewedRow).toMatchObject({ validUntil: "2028-01-31", coveredUntil: "2028-01-31", available: 40 });
  });
});
