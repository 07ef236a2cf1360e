// Raising a case's incidents with the customer's approval, against a real database (both providers):
// level A (R-INC-2), splitting (R-INC-3), approval first (R-INC-5), reservation at approval (R-INC-6), and the
// ledger reconciling with the contracts after every scenario (R-CON-7).
import { afterEach, describe, expect, it } from "vitest";
import { decideProposal } from "../../src/services/decide-proposal.ts";
import { lowerLevel } from "../../src/services/lower-level.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { proposeSplit } from "../../src/services/propose-split.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { contract, CUSTOMER, ENGINEER, createWorld, expectReconciled, MANAGER, openedCase, registerCustomer, type World } from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await expectReconciled(w);
  await w.close();
});

const db = () => w.database.db.client;

async function snapshot(caseId: number) {
  return {
    case: await db().case.findUniqueOrThrow({ where: { id: caseId } }),
    cases: await db().case.count(),
    ledger: await db().ledgerEntry.count(),
    contracts: await db().contract.findMany({ orderBy: { id: "asc" } }),
    proposals: await db().proposal.findMany({ orderBy: { id: "asc" } }),
  };
}

async function proposedLevelA(caseId: number): Promise<number> {
  const proposed = await proposeLevelA(w.deps, { caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境を再現して検証します。" });
  if (!proposed.ok) throw new Error(`not proposed: ${proposed.reason}`);
  return proposed.proposalId;
}

const approve = (proposalId: number, caseId: number, actorId = CUSTOMER) =>
  decideProposal(w.deps, { proposalId, caseId, actorId, decision: "approve", messageTs: null });

describe("level A (R-INC-2, R-INC-5)", () => {
  it("reserves nothing when proposed; on approval reserves 2 more in the same transaction and the case becomes level A", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const proposalId = await proposedLevelA(caseId);
    expect(await contract(w, contractId)).toMatchObject({ available: 9, reserved: 1 });

    const result = await approve(proposalId, caseId);
    expect(result).toMatchObject({ ok: true, decision: "approve", before: 1, after: 3 });
    expect(await contract(w, contractId)).toMatchObject({ available: 7, reserved: 3 });
    const c = await db().case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ level: "A", levelReason: "reproduction", incidents: 3, firstResponseDueAt: null });
    const reserve = await db().ledgerEntry.findMany({ where: { caseId, kind: "reserve" }, orderBy: { id: "asc" } });
    expect(reserve.map((e) => [e.amount, e.actorId])).toEqual([[1, CUSTOMER], [2, CUSTOMER]]);
    const events = await db().caseEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([["opened", CUSTOMER], ["proposal_made", ENGINEER], ["proposal_approved", CUSTOMER], ["level_raised", CUSTOMER]]);

    // Resolving the raised case consumes all three (R-INC-6).
    await resolveCase(w.deps, { caseId, actorId: ENGINEER });
    expect(await contract(w, contractId)).toMatchObject({ available: 7, reserved: 0, consumed: 3 });
  });

  it("a second answer or a double click changes nothing twice", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const proposalId = await proposedLevelA(caseId);
    const answers = await Promise.all([approve(proposalId, caseId), approve(proposalId, caseId),
      decideProposal(w.deps, { proposalId, caseId, actorId: CUSTOMER, decision: "decline", messageTs: null })]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.reason)).toEqual(["decided", "decided"]);
    const after = await snapshot(caseId);
    expect(await approve(proposalId, caseId)).toEqual({ ok: false, reason: "decided" });
    expect(await snapshot(caseId)).toEqual(after);
  });

  it("refuses approval when the balance cannot cover it (R-INC-6): nothing changes, the proposal stays open", async () => {
    w = await createWorld();
    const { channelId, customerId, contractId } = await registerCustomer(w, { incidents: 3 });
    const caseId = await openedCase(w, channelId);
    const proposalId = await proposedLevelA(caseId);
    await openedCase(w, channelId); // the balance falls to 1 while the customer thinks it over
    const before = await snapshot(caseId);
    expect(await approve(proposalId, caseId)).toEqual({ ok: false, reason: "insufficient", needed: 2, available: 1 });
    expect(await snapshot(caseId)).toEqual(before);
    expect(before.proposals[0]?.state).toBe("pending");
    expect(await contract(w, contractId)).toMatchObject({ available: 1, reserved: 2 });
    expect(customerId).toBeGreaterThan(0);
  });

  it("is not proposed at all when the customer could not approve it, nor twice for a level A case", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 2 });
    const caseId = await openedCase(w, channelId);
    expect(await proposeLevelA(w.deps, { caseId, actorId: ENGINEER, levelReason: "report", reason: "報告書" }))
      .toEqual({ ok: false, reason: "insufficient", needed: 2, available: 1 });
    expect(await db().proposal.count()).toBe(0);
    const big = await registerCustomer(w, { incidents: 10 });
    const levelA = await openedCase(w, big.channelId, "A");
    expect(await proposeLevelA(w.deps, { caseId: levelA, actorId: ENGINEER, levelReason: "report", reason: "報告書" }))
      .toEqual({ ok: false, reason: "already_level_a" });
  });

  it("takes the extra incidents from an overlapping renewal when the case's own contract has no room, keeping the one it holds (R-CON-6)", async () => {
    w = await createWorld("2027-02-01 10:00");
    const { channelId, customerId, contractId } = await registerCustomer(w, { incidents: 1, confirmedOn: "2026-04-01" });
    const renewal = await renewContract(w.deps, { customerId, incidents: 10, confirmedOn: "2027-02-01", actorId: MANAGER });
    if (!renewal.ok) throw new Error("renewal refused");
    const caseId = await openedCase(w, channelId);
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).contractId).toBe(contractId);
    const proposalId = await proposedLevelA(caseId);
    expect(await approve(proposalId, caseId)).toMatchObject({ ok: true, after: 3 });
    expect(await contract(w, contractId)).toMatchObject({ available: 0, reserved: 1 });
    expect(await contract(w, renewal.contractId)).toMatchObject({ available: 8, reserved: 2 });
  });

  it("lowering needs no approval: level A back to normal releases 2 at once (R-INC-5)", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId, "A");
    expect(await lowerLevel(w.deps, { caseId, actorId: ENGINEER, reason: null })).toMatchObject({ ok: true, before: 3, after: 1, available: 9 });
    expect(await contract(w, contractId)).toMatchObject({ available: 9, reserved: 1 });
    expect(await db().case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ level: "normal", incidents: 1, levelReason: null });
    const before = await snapshot(caseId);
    expect(await lowerLevel(w.deps, { caseId, actorId: ENGINEER, reason: null })).toEqual({ ok: false, reason: "not_level_a" });
    expect(await snapshot(caseId)).toEqual(before);
  });
});

describe("newer proposals and declines", () => {
  it("a newer proposal withdraws the unanswered one; answering the old one does nothing", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const first = await proposedLevelA(caseId);
    const second = await proposeSplit(w.deps, { caseId, actorId: ENGINEER, titles: ["認証エラー", "帳票の文字化け"], reason: "別々の事象です。" });
    expect(second.ok).toBe(true);
    expect(await approve(first, caseId)).toEqual({ ok: false, reason: "withdrawn" });
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).level).toBe("normal");
  });

  it("approving one proposal withdraws any other left pending by two engineers proposing at once", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const proposalId = await proposedLevelA(caseId);
    // What the race leaves behind: a second pending proposal the first one did not see.
    const raced = await db().proposal.create({ data: { caseId, kind: "split", incidents: 2, reason: "別件", parts: ["一", "二"], proposedBy: ENGINEER } });
    expect(await approve(proposalId, caseId)).toMatchObject({ ok: true });
    expect(await approve(raced.id, caseId)).toEqual({ ok: false, reason: "withdrawn" });
    expect(await db().case.count()).toBe(1);
  });

  it("the same proposal submitted twice asks the customer once", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const input = { caseId, actorId: ENGINEER, levelReason: "report" as const, reason: "正式な報告書が必要です。" };
    const [a, b] = [await proposeLevelA(w.deps, input), await proposeLevelA(w.deps, input)];
    expect(a).toMatchObject({ ok: true, duplicate: false });
    expect(b).toMatchObject({ ok: true, duplicate: true });
    expect(await db().outboxMessage.count({ where: { kind: "proposal_request" } })).toBe(1);
  });

  it("a decline changes nothing but is recorded with who declined", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const proposalId = await proposedLevelA(caseId);
    const before = await contract(w, contractId);
    expect(await decideProposal(w.deps, { proposalId, caseId, actorId: CUSTOMER, decision: "decline", messageTs: null })).toMatchObject({ ok: true, decision: "decline" });
    expect(await contract(w, contractId)).toEqual(before);
    expect(await db().case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ level: "normal", incidents: 1 });
    expect(await db().proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ state: "declined", decidedBy: CUSTOMER });
    expect(await db().caseEvent.count({ where: { caseId, kind: "proposal_declined", actorId: CUSTOMER } })).toBe(1);
  });
});

describe("split (R-INC-3)", () => {
  it("on approval the case becomes part 1 and each other part is a new linked case with its own incident", async () => {
    w = await createWorld();
    const { channelId, contractId } = await registerCustomer(w, { incidents: 10 });
    const caseId = await openedCase(w, channelId);
    const proposed = await proposeSplit(w.deps, { caseId, actorId: ENGINEER, titles: ["認証エラー", "帳票の文字化け", "印刷の遅延"], reason: "3つの別々の事象です。" });
    if (!proposed.ok) throw new Error("not proposed");
    expect(proposed.cost).toEqual({ before: 1, after: 3, extra: 2 });
    const result = await approve(proposed.proposalId, caseId);
    expect(result).toMatchObject({ ok: true, before: 1, after: 3 });
    const parts = await db().case.findMany({ where: { parentCaseId: caseId }, orderBy: { id: "asc" } });
    expect(parts.map((p) => [p.title, p.incidents, p.level, p.state])).toEqual([["帳票の文字化け", 1, "normal", "open"], ["印刷の遅延", 1, "normal", "open"]]);
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).title).toBe("認証エラー");
    expect(await contract(w, contractId)).toMatchObject({ available: 7, reserved: 3 });
    for (const part of parts) expect(await db().ledgerEntry.count({ where: { caseId: part.id, kind: "reserve", amount: 1 } })).toBe(1);
    // Each new part tells the customer why it exists.
    const notices = await db().outboxMessage.findMany({ where: { kind: "case_notice" } });
    expect(notices.map((n) => JSON.stringify(n.payload)).filter((p) => p.includes("notice.split_part") && p.includes("3つの別々の事象です。"))).toHaveLength(2);
  });

  it("all parts or none: without incidents for every part nothing is created and the proposal stays open", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 3 });
    const caseId = await openedCase(w, channelId);
    const proposed = await proposeSplit(w.deps, { caseId, actorId: ENGINEER, titles: ["一", "二", "三"], reason: "別件です。" });
    if (!proposed.ok) throw new Error("not proposed");
    await openedCase(w, channelId);
    const before = await snapshot(caseId);
    expect(await approve(proposed.proposalId, caseId)).toEqual({ ok: false, reason: "insufficient", needed: 2, available: 1 });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("needs at least two parts and at most ten", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 20 });
    const caseId = await openedCase(w, channelId);
    expect(await proposeSplit(w.deps, { caseId, actorId: ENGINEER, titles: ["一", " "], reason: "r" })).toEqual({ ok: false, reason: "too_few_parts" });
    expect(await proposeSplit(w.deps, { caseId, actorId: ENGINEER, titles: Array.from({ length: 11 }, (_, i) => `件${i}`), reason: "r" })).toEqual({ ok: false, reason: "too_many_parts" });
    expect(await db().proposal.count()).toBe(0);
  });
});
