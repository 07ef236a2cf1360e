// Many customers' submissions racing for the last incidents, on whichever database the suite runs against: exactly
// as many cases open as there are incidents, the rest are refused, and the ledger reconciles with the counters.
// Rules: R-INC-6, R-CON-6, R-CON-7 (never below zero, also under concurrent requests).
import { afterEach, describe, expect, it } from "vitest";
import { adjustBalance } from "../../src/services/adjust-balance.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { contract, createWorld, customerOpensCase, expectReconciled, MANAGER, registerCustomer, type World } from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await expectReconciled(w);
  await w.close();
});

function race(n: number, level: "normal" | "A", channelId: string) {
  return Promise.all(Array.from({ length: n }, () => customerOpensCase(w, channelId, level)));
}

describe("reservations racing for the last incidents", () => {
  it("open exactly as many normal cases as there are incidents; the others are refused as insufficient", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 10 });
    const results = await race(40, "normal", channelId);
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(30).fill("insufficient"));
    expect(await contract(w, contractId)).toMatchObject({ purchased: 10, available: 0, reserved: 10, consumed: 0 });
    expect(await w.database.db.client.ledgerEntry.count({ where: { kind: "reserve" } })).toBe(10);
    expect(await w.database.db.client.case.count()).toBe(10);
  });

  it("open level A cases (3 incidents each) only while 3 remain: 7 incidents take two of twelve", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 7 });
    const results = await race(12, "A", channelId);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await contract(w, contractId)).toMatchObject({ available: 1, reserved: 6 });
  });

  it("use up the contract ending first, then the overlapping renewal, and no more (R-CON-6)", async () => {
    w = await createWorld("2027-02-01 10:00");
    const { channelId, contractId, customerId } = await registerCustomer(w, { incidents: 3, confirmedOn: "2026-04-01" });
    const renewal = await renewContract(w.deps, { customerId, incidents: 4, confirmedOn: "2027-02-01", actorId: MANAGER });
    if (!renewal.ok) throw new Error(JSON.stringify(renewal));
    const results = await race(20, "normal", channelId);
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(await contract(w, contractId)).toMatchObject({ available: 0, reserved: 3 });
    expect(await contract(w, renewal.contractId)).toMatchObject({ available: 0, reserved: 4 });
  });

  it("never let a manager's downward adjustment and customers' cases together take more than there is", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 5 });
    const [adjusted, ...opened] = await Promise.all([
      adjustBalance(w.deps, { contractId, amount: -3, reason: "登録誤りの訂正", actorId: MANAGER }),
      ...Array.from({ length: 8 }, () => customerOpensCase(w, channelId)),
    ]);
    const cases = opened.filter((r) => r.ok).length;
    expect(cases + (adjusted?.ok ? 3 : 0)).toBeLessThanOrEqual(5);
    expect(cases).toBe(adjusted?.ok ? 2 : 5);
    const after = await contract(w, contractId);
    expect(after).toMatchObject({ reserved: cases, available: 0, purchased: adjusted?.ok ? 2 : 5 });
  });
});
