// Contracts through the real services and database: registration, validity, additional purchases, renewals,
// adjustments, lapsing, and cases that outlive their contract. Rules: R-CON-2..7, R-INC-6, R-LIFE-4.
import { afterEach, describe, expect, it } from "vitest";
import { addIncidents } from "../../src/services/add-incidents.ts";
import { adjustBalance } from "../../src/services/adjust-balance.ts";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { customerBalance } from "../../src/services/customer-balance.ts";
import { customerDetail } from "../../src/services/customer-detail.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import {
  contract, createWorld, customerOpensCase, ENGINEER, expectReconciled, MANAGER, openedCase, registerCustomer, tokyo, type World,
} from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await expectReconciled(w);
  await w.close();
});

describe("registration and validity (R-CON-2)", () => {
  it("runs one year from the confirmation date, through the day before the same date next year", async () => {
    w = await createWorld();
    const { contractId } = await registerCustomer(w, { confirmedOn: "2026-04-01" });
    expect(await contract(w, contractId)).toMatchObject({ startsOn: "2026-04-01", endsOn: "2027-03-31", kind: "initial", purchased: 10, available: 10 });
    // A confirmation is issued at most a year ahead: the leap day is registered when it is near.
    w.clock.set(tokyo("2027-12-01T10:00"));
    const leap = await registerCustomer(w, { confirmedOn: "2028-02-29" });
    expect((await contract(w, leap.contractId)).endsOn).toBe("2029-02-28");
  });

  it("lets the explicit dates of the first application rule over the one-year default", async () => {
    w = await createWorld();
    const { contractId } = await registerCustomer(w, { startsOn: "2026-05-15", endsOn: "2027-06-30" });
    expect(await contract(w, contractId)).toMatchObject({ startsOn: "2026-05-15", endsOn: "2027-06-30" });
  });

  it("refuses a confirmation date together with explicit dates, an end before the start, or no date at all, and writes nothing", async () => {
    w = await createWorld();
    const base = { customerName: "株式会社テスト", channelIds: ["C0TEST"], incidents: 5, actorId: MANAGER };
    const both = await registerContract(w.deps, { ...base, confirmedOn: "2026-04-01", startsOn: "2026-04-01" });
    const backwards = await registerContract(w.deps, { ...base, startsOn: "2026-04-01", endsOn: "2026-03-31" });
    const none = await registerContract(w.deps, { ...base, incidents: 0 });
    expect(both).toMatchObject({ ok: false, errors: { startsOn: "both" } });
    expect(backwards).toMatchObject({ ok: false, errors: { endsOn: "before_start" } });
    expect(none).toMatchObject({ ok: false, errors: { startsOn: "missing", incidents: "range" } });
    expect(await w.database.db.client.customer.count()).toBe(0);
    expect(await w.database.db.client.ledgerEntry.count()).toBe(0);
  });

  it("refuses a channel already registered to another customer, leaving no half-made customer", async () => {
    w = await createWorld();
    const first = await registerCustomer(w, { name: "先のお客様" });
    const second = await registerContract(w.deps, { customerName: "後のお客様", channelIds: ["C0FRESH", first.channelId], incidents: 5, confirmedOn: "2026-04-01", actorId: MANAGER });
    expect(second).toMatchObject({ ok: false, errors: { channelIds: "taken" }, channels: [first.channelId] });
    expect(await w.database.db.client.customer.count({ where: { name: "後のお客様" } })).toBe(0);
    expect(await w.database.db.client.customerChannel.count({ where: { channelId: "C0FRESH" } })).toBe(0);
  });

  it("ends the contract early when every incident is consumed: no new case, no addition, only a renewal (R-CON-2, R-CON-3, R-CON-4)", async () => {
    w = await createWorld();
    const { channelId, contractId, customerId } = await registerCustomer(w, { incidents: 1 });
    await resolveCase(w.deps, { caseId: await openedCase(w, channelId), actorId: ENGINEER });
    expect(await customerOpensCase(w, channelId)).toMatchObject({ ok: false, reason: "exhausted" });
    expect(await addIncidents(w.deps, { contractId, incidents: 5, actorId: MANAGER })).toMatchObject({ ok: false, reason: "not_in_force", status: "exhausted" });
    const renewal = await renewContract(w.deps, { customerId, incidents: 5, confirmedOn: "2026-04-20", actorId: MANAGER });
    expect(renewal).toMatchObject({ ok: true, startsOn: "2026-04-20", endsOn: "2027-04-19" });
    w.clock.set(tokyo("2026-04-20 09:00"));
    expect(await customerOpensCase(w, channelId)).toMatchObject({ ok: true });
  });
});

describe("additional purchases (R-CON-3)", () => {
  it("join the same contract with its validity unchanged, as a ledger entry with who and why", async () => {
    w = await createWorld("2026-06-01 10:00");
    const { contractId } = await registerCustomer(w, { incidents: 10 });
    const result = await addIncidents(w.deps, { contractId, incidents: 5, note: "注文書 #42", actorId: MANAGER });
    expect(result).toMatchObject({ ok: true, contractId, purchased: 15, available: 15, endsOn: "2027-03-31" });
    expect(await contract(w, contractId)).toMatchObject({ startsOn: "2026-04-01", endsOn: "2027-03-31", purchased: 15, available: 15 });
    const entry = await w.database.db.client.ledgerEntry.findFirstOrThrow({ where: { kind: "addition" } });
    expect(entry).toMatchObject({ contractId, amount: 5, actorId: MANAGER, reason: "注文書 #42" });
  });

  it("are refused once the contract's period is over", async () => {
    w = await createWorld("2027-04-01 10:00");
    const { contractId } = await registerCustomer(w, { confirmedOn: "2026-04-01" });
    expect(await addIncidents(w.deps, { contractId, incidents: 5, actorId: MANAGER })).toMatchObject({ ok: false, reason: "not_in_force", status: "ended" });
  });

  it("count once when the same submission arrives twice", async () => {
    w = await createWorld();
    const { contractId } = await registerCustomer(w);
    const input = { contractId, incidents: 3, actorId: MANAGER, requestKey: "view-V123-submit" };
    const [a, b] = await Promise.all([addIncidents(w.deps, input), addIncidents(w.deps, input)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await addIncidents(w.deps, input)).toMatchObject({ ok: false, reason: "duplicate" });
    expect(await w.database.db.client.ledgerEntry.count({ where: { kind: "addition" } })).toBe(1);
    expect((await contract(w, contractId)).purchased).toBe(13);
  });
});

describe("renewals and overlapping contracts (R-CON-4, R-CON-6)", () => {
  it("draw cases from the contract ending first; its unused incidents lapse at its end and never carry over", async () => {
    w = await createWorld("2027-02-01 10:00");
    const { channelId, contractId, customerId } = await registerCustomer(w, { incidents: 10, confirmedOn: "2026-04-01" });
    const renewal = await renewContract(w.deps, { customerId, incidents: 20, confirmedOn: "2027-02-01", actorId: MANAGER });
    if (!renewal.ok) throw new Error(JSON.stringify(renewal));
    expect(renewal.overlapping).toEqual([contractId]);
    expect(await contract(w, renewal.contractId)).toMatchObject({ kind: "renewal", startsOn: "2027-02-01", endsOn: "2028-01-31" });
    await openedCase(w, channelId);
    expect(await contract(w, contractId)).toMatchObject({ available: 9, reserved: 1 });
    expect(await contract(w, renewal.contractId)).toMatchObject({ available: 20, reserved: 0 });
    expect((await customerBalance(w.deps, customerId)).available).toBe(29);

    w.clock.set(tokyo("2027-04-01 10:00"));
    expect((await customerBalance(w.deps, customerId)).available).toBe(20);
    const detail = await customerDetail(w.deps, customerId);
    expect(detail?.contracts.map((c) => [c.id, c.status, c.lapsed])).toEqual([[contractId, "ended", 9], [renewal.contractId, "active", 0]]);
    await openedCase(w, channelId);
    expect(await contract(w, renewal.contractId)).toMatchObject({ available: 19, reserved: 1 });
  });
});

describe("cases that outlive their contract (R-LIFE-4)", () => {
  it("settle against their own contract after its end date, even when a renewal is in force", async () => {
    w = await createWorld("2027-03-30 10:00");
    const { channelId, contractId, customerId } = await registerCustomer(w, { incidents: 10, confirmedOn: "2026-04-01" });
    const resolved = await openedCase(w, channelId, "A");
    const cancelled = await openedCase(w, channelId);
    const renewal = await renewContract(w.deps, { customerId, incidents: 5, confirmedOn: "2027-04-01", actorId: MANAGER });
    if (!renewal.ok) throw new Error(JSON.stringify(renewal));

    w.clock.set(tokyo("2027-04-15 10:00"));
    expect(await resolveCase(w.deps, { caseId: resolved, actorId: ENGINEER })).toMatchObject({ ok: true, state: "resolved" });
    expect(await cancelCase(w.deps, { caseId: cancelled, actorId: ENGINEER, note: "製品の不具合" })).toMatchObject({ ok: true });

    expect(await contract(w, contractId)).toMatchObject({ purchased: 10, consumed: 3, reserved: 0, available: 7 });
    expect(await contract(w, renewal.contractId)).toMatchObject({ purchased: 5, consumed: 0, reserved: 0, available: 5 });
    const settled = await w.database.db.client.ledgerEntry.findMany({ where: { kind: { in: ["consume", "release"] } }, orderBy: { id: "asc" } });
    expect(settled.map((e) => [e.kind, e.contractId, e.amount])).toEqual([["consume", contractId, 3], ["release", contractId, 1]]);
    // What the cancellation gave back belongs to the ended contract: it lapses rather than reappearing.
    expect((await customerBalance(w.deps, customerId)).available).toBe(5);
  });
});

describe("manual adjustments (R-CON-7)", () => {
  it("need a reason, are signed, and never take the available balance below zero or touch reserved incidents", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 3 });
    await openedCase(w, channelId);
    expect(await adjustBalance(w.deps, { contractId, amount: -1, reason: "  ", actorId: MANAGER })).toMatchObject({ ok: false, errors: { reason: "required" } });
    expect(await adjustBalance(w.deps, { contractId, amount: 0, reason: "訂正", actorId: MANAGER })).toMatchObject({ ok: false, errors: { amount: "range" } });
    expect(await adjustBalance(w.deps, { contractId, amount: -3, reason: "登録誤り", actorId: MANAGER })).toMatchObject({ ok: false, reason: "insufficient", available: 2 });
    expect(await adjustBalance(w.deps, { contractId, amount: -2, reason: "登録誤り", actorId: MANAGER })).toMatchObject({ ok: true, purchased: 1, available: 0 });
    expect(await contract(w, contractId)).toMatchObject({ purchased: 1, available: 0, reserved: 1 });
    expect(await adjustBalance(w.deps, { contractId, amount: 4, reason: "サービス提供", actorId: MANAGER })).toMatchObject({ ok: true, purchased: 5, available: 4 });
    const adjustments = await w.database.db.client.ledgerEntry.findMany({ where: { kind: "adjust" }, orderBy: { id: "asc" } });
    expect(adjustments.map((e) => [e.amount, e.reason, e.actorId])).toEqual([[-2, "登録誤り", MANAGER], [4, "サービス提供", MANAGER]]);
  });
});

describe("after a balance moves", () => {
  it("asks for the views showing balances to be refreshed, and not after a refusal", async () => {
    w = await createWorld();
    const { contractId, customerId } = await registerCustomer(w);
    let refreshes = 0;
    const deps = { ...w.deps, onOutbox: () => { refreshes += 1; } };
    await addIncidents(deps, { contractId, incidents: 1, actorId: MANAGER });
    await adjustBalance(deps, { contractId, amount: -1, reason: "訂正", actorId: MANAGER });
    await renewContract(deps, { customerId, incidents: 5, confirmedOn: "2027-03-01", actorId: MANAGER });
    expect(refreshes).toBe(3);
    await adjustBalance(deps, { contractId, amount: -100, reason: "訂正", actorId: MANAGER });
    expect(refreshes).toBe(3);
  });
});

describe("a customer's detail", () => {
  it("shows the latest 15 ledger entries, newest first, with who and why", async () => {
    w = await createWorld();
    const { contractId, customerId } = await registerCustomer(w, { incidents: 5 });
    for (let i = 1; i <= 20; i++) {
      w.clock.advance(60_000);
      await adjustBalance(w.deps, { contractId, amount: 1, reason: `訂正 ${i}`, actorId: MANAGER });
    }
    const detail = await customerDetail(w.deps, customerId);
    expect(detail?.ledger).toHaveLength(15);
    expect(detail?.ledger[0]).toMatchObject({ kind: "adjust", amount: 1, reason: "訂正 20", actorId: MANAGER });
    expect(detail?.ledger.at(-1)?.reason).toBe("訂正 6");
    expect(detail).toMatchObject({ purchased: 25, available: 25, validUntil: "2027-03-31", coveredUntil: "2027-03-31" });
  });
});
