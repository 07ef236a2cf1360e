// A customer holding two valid contracts at once (a renewal bought early) can use every incident they paid for:
// a case's incidents are drawn ends-first and may span the two (R-CON-6, R-INC-6), and when the case ends each part
// is consumed or released on the contract it was reserved on, every ledger entry naming its contract (R-CON-7).
// Through the real receiver: the customer opens cases and approves from Slack, the engineer resolves from Slack.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { decideProposal } from "../../src/services/decide-proposal.ts";
import { lowerLevel } from "../../src/services/lower-level.ts";
import { openCase } from "../../src/services/open-case.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { proposeSplit } from "../../src/services/propose-split.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { Actions } from "../../src/slack/ids.ts";
import { TRIAGE_CHANNEL, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";
import { auditLedger } from "./audit.ts";
import { expectOpened, inParallel, openModal, refusalShown, submitCase } from "./flows.ts";

let h: Harness;
beforeAll(async () => {
  // 2026-11-24: the first contract (confirmed 2026-01-05) runs to 2027-01-04, the renewal (2026-04-01) to 2027-03-31.
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.database.db.client;

interface Customer { n: number; customerId: number; first: number; renewal: number; channelId: string; userId: string; teamId: string }

/** A customer of its own, in a channel of its own, with `first` + `renewal` incidents on two overlapping contracts. */
async function customerWith(n: number, first: number, renewal: number): Promise<Customer> {
  const channelId = `C0OVERLAP${n}`;
  const userId = `U0OVERLAP${n}`;
  const teamId = `T0OVERLAP${n}`;
  h.slack.setUser({ id: userId, team_id: teamId });
  const registered = await h.registerCustomer({ name: `重複契約のお客様 ${n}`, channelId, team: teamId, incidents: first, confirmedOn: "2026-01-05" });
  const renewed = await renewContract(h.running.deps, { customerId: registered.customerId, incidents: renewal, confirmedOn: "2026-04-01", actorId: MANAGER });
  if (!renewed.ok) throw new Error("renewal refused");
  return { n, customerId: registered.customerId, first: registered.contractId, renewal: renewed.contractId, channelId, userId, teamId };
}

async function counters(contractId: number) {
  const { available, reserved, consumed } = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
  return { available, reserved, consumed };
}

/** The case's ledger entries, oldest first, as "kind amount @contract". */
async function ledgerOf(caseId: number, c: Customer): Promise<string[]> {
  const name = (id: number) => (id === c.first ? "first" : id === c.renewal ? "renewal" : `contract ${id}`);
  const entries = await db().ledgerEntry.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  return entries.map((e) => `${e.kind} ${e.amount} @${name(e.contractId)}`);
}

/** R-INC-6: while a case is active its parts add up to its incidents, and each contract reserves what its parts hold. */
async function auditParts(): Promise<string[]> {
  const problems: string[] = [];
  const cases = await db().case.findMany({ include: { reservations: true } });
  for (const c of cases) {
    const held = c.reservations.reduce((n, r) => n + r.incidents, 0);
    if (held !== c.incidents) problems.push(`case ${c.id}: parts hold ${held}, shows ${c.incidents}`);
  }
  for (const contract of await db().contract.findMany()) {
    const active = cases.filter((c) => ["open", "in_progress", "answered"].includes(c.state));
    const parts = active.flatMap((c) => c.reservations).filter((r) => r.contractId === contract.id).reduce((n, r) => n + r.incidents, 0);
    if (parts !== contract.reserved) problems.push(`contract ${contract.id}: reserves ${contract.reserved}, active parts hold ${parts}`);
  }
  return problems;
}

async function openFromSlack(c: Customer, title: string, level: string) {
  const viewId = await openModal(h, c.userId, c.teamId, c.channelId);
  return submitCase(h, viewId, c.userId, c.teamId, { title, level });
}

describe("two overlapping contracts, 2 + 1 incidents", () => {
  it("a customer opens a level A case with all three, two from the contract that ends first and one from the renewal (R-CON-6, R-INC-6)", async () => {
    const c = await customerWith(1, 2, 1);
    const submitted = await openFromSlack(c, "検証環境での再現をお願いしたい", "A:reproduction");
    await expectOpened(h, submitted, submitted.viewId);
    const opened = await db().case.findFirstOrThrow({ where: { channelId: c.channelId } });
    expect(opened).toMatchObject({ level: "A", incidents: 3, contractId: c.first });
    expect(await counters(c.first)).toEqual({ available: 0, reserved: 2, consumed: 0 });
    expect(await counters(c.renewal)).toEqual({ available: 0, reserved: 1, consumed: 0 });
    expect(await ledgerOf(opened.id, c)).toEqual(["reserve 2 @first", "reserve 1 @renewal"]);
    await h.drain();
    const root = (await db().case.findUniqueOrThrow({ where: { id: opened.id } })).rootTs!;
    expect(h.slack.messages(c.channelId).some((m) => m.thread_ts === root && (m.text ?? "").includes("3 インシデントを予約いたしました"))).toBe(true);

    // The engineer resolves it from the triage message: each part is consumed on its own contract.
    const triage = (await db().case.findUniqueOrThrow({ where: { id: opened.id } })).triageTs!;
    const click = await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: triage });
    expect(click.status).toBe(200);
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: opened.id } })).state, { timeout: 10_000 }).toBe("resolved");
    expect(await counters(c.first)).toEqual({ available: 0, reserved: 0, consumed: 2 });
    expect(await counters(c.renewal)).toEqual({ available: 0, reserved: 0, consumed: 1 });
    expect(await ledgerOf(opened.id, c)).toEqual(["reserve 2 @first", "reserve 1 @renewal", "consume 2 @first", "consume 1 @renewal"]);
    await h.drain();
    expect(h.slack.messages(c.channelId).some((m) => m.thread_ts === root && (m.text ?? "").includes("3 インシデントを消費いたしました（ご利用可能: 0 インシデント）"))).toBe(true);
  });

  it("a customer approves level A for a normal case, the extra two drawn across both contracts; cancelling as a defect gives each back where it came from (R-INC-5, R-INC-7)", async () => {
    const c = await customerWith(2, 2, 1);
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: c.channelId, openedBy: c.userId, title: "帳票の出力が遅い", description: "詳細", level: "normal" });
    if (!opened.ok) throw new Error(opened.reason);
    const proposed = await proposeLevelA(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
    if (!proposed.ok) throw new Error(proposed.reason);
    await h.drain();
    const root = (await db().case.findUniqueOrThrow({ where: { id: opened.caseId } })).rootTs!;
    const proposal = h.slack.messages(c.channelId).find((m) => m.thread_ts === root && JSON.stringify(m.blocks ?? []).includes(Actions.approveProposal))!;
    const click = await h.driver.blockAction({ actionId: Actions.approveProposal, userId: c.userId, userTeamId: c.teamId, channelId: c.channelId, messageTs: proposal.ts, threadTs: root });
    expect(click.status).toBe(200);
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: opened.caseId } })).incidents, { timeout: 10_000 }).toBe(3);
    expect(await counters(c.first)).toEqual({ available: 0, reserved: 2, consumed: 0 });
    expect(await counters(c.renewal)).toEqual({ available: 0, reserved: 1, consumed: 0 });
    await h.drain();
    expect(h.slack.messages(c.channelId).some((m) => m.thread_ts === root && (m.text ?? "").includes("インシデントを 1 から 3 に変更しました（残り 0）"))).toBe(true);

    expect(await cancelCase(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, note: "製品の不具合" })).toMatchObject({ ok: true });
    expect(await counters(c.first)).toEqual({ available: 2, reserved: 0, consumed: 0 });
    expect(await counters(c.renewal)).toEqual({ available: 1, reserved: 0, consumed: 0 });
    expect(await ledgerOf(opened.caseId, c)).toEqual([
      "reserve 1 @first", "reserve 1 @first", "reserve 1 @renewal", "release 2 @first", "release 1 @renewal",
    ]);
  });

  it("lowering a level A case gives back the renewal's incidents first, keeping the one that lapses soonest (R-INC-5, R-CON-6)", async () => {
    const c = await customerWith(3, 2, 5);
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: c.channelId, openedBy: c.userId, title: "報告書が必要", description: "詳細", level: "A", levelReason: "report" });
    if (!opened.ok) throw new Error(opened.reason);
    expect(await lowerLevel(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, reason: null })).toMatchObject({ ok: true, before: 3, after: 1 });
    expect(await counters(c.first)).toEqual({ available: 1, reserved: 1, consumed: 0 });
    expect(await counters(c.renewal)).toEqual({ available: 5, reserved: 0, consumed: 0 });
    expect(await ledgerOf(opened.caseId, c)).toEqual(["reserve 2 @first", "reserve 1 @renewal", "release 1 @renewal", "release 1 @first"]);
  });

  it("still refuses a level A case when the two together hold fewer than three, naming what is available, and holds nothing (R-INC-6)", async () => {
    const c = await customerWith(4, 1, 1);
    const before = { first: await counters(c.first), renewal: await counters(c.renewal), ledger: await db().ledgerEntry.count() };
    const submitted = await openFromSlack(c, "再現検証", "A:reproduction");
    // Shown above the form again, whose fields keep what was typed.
    const refusal = await refusalShown(h, submitted, submitted.viewId);
    expect(refusal.form).toBe(true);
    expect(refusal.text).toContain("インシデントが不足しております（必要: 3 インシデント、ご利用可能: 2 インシデント）");
    expect({ first: await counters(c.first), renewal: await counters(c.renewal), ledger: await db().ledgerEntry.count() }).toEqual(before);
    expect(await db().case.count({ where: { channelId: c.channelId } })).toBe(0);
  });

  it("never overdraws either contract when many level A cases are opened at once (R-CON-7)", async () => {
    const c = await customerWith(5, 7, 8);
    // 15 incidents take five level A cases; twelve are asked for at the same moment.
    const results = await inParallel(Array.from({ length: 12 }, (_, i) => i), 12, () => openCase(h.running.deps, {
      requestKey: randomUUID(), channelId: c.channelId, openedBy: c.userId, title: "同時に開く", description: "詳細", level: "A", levelReason: "report",
    }));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await counters(c.first)).toEqual({ available: 0, reserved: 7, consumed: 0 });
    expect(await counters(c.renewal)).toEqual({ available: 0, reserved: 8, consumed: 0 });
    expect(await auditParts()).toEqual([]);
    expect(await auditLedger(h.database.db)).toEqual([]);
  });

  it("an approved split opens its new part on the renewal when the first contract has nothing left (R-INC-3, R-CON-6)", async () => {
    const c = await customerWith(6, 1, 2);
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: c.channelId, openedBy: c.userId, title: "二つの事象", description: "詳細", level: "normal" });
    if (!opened.ok) throw new Error(opened.reason);
    const proposed = await proposeSplit(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, titles: ["認証エラー", "帳票の文字化け"], reason: "別々の事象です。" });
    if (!proposed.ok) throw new Error(proposed.reason);
    const approved = await decideProposal(h.running.deps, { proposalId: proposed.proposalId, caseId: opened.caseId, actorId: c.userId, decision: "approve", messageTs: null });
    if (!approved.ok) throw new Error(approved.reason);
    const [part] = approved.newCaseIds;
    expect(await ledgerOf(part!, c)).toEqual(["reserve 1 @renewal"]);
    expect(await db().case.findUniqueOrThrow({ where: { id: part! } })).toMatchObject({ contractId: c.renewal, incidents: 1 });
    expect(await counters(c.first)).toEqual({ available: 0, reserved: 1, consumed: 0 });
    expect(await counters(c.renewal)).toEqual({ available: 1, reserved: 1, consumed: 0 });
  });

  it("a case still open when its contract ends takes the extra for level A from the renewal and consumes each part where it is (R-LIFE-4, R-CON-6)", async () => {
    try {
      // The first contract's last day is today; the renewal started earlier this month.
      h.slack.setUser({ id: "U0OVERLAP7", team_id: "T0OVERLAP7" });
      const registered = await h.registerCustomer({ name: "重複契約のお客様 7", channelId: "C0OVERLAP7", team: "T0OVERLAP7", incidents: 1, confirmedOn: "2025-11-25" });
      const renewed = await renewContract(h.running.deps, { customerId: registered.customerId, incidents: 5, confirmedOn: "2026-11-01", actorId: MANAGER });
      if (!renewed.ok) throw new Error("renewal refused");
      const c: Customer = { n: 7, customerId: registered.customerId, first: registered.contractId, renewal: renewed.contractId, channelId: "C0OVERLAP7", userId: "U0OVERLAP7", teamId: "T0OVERLAP7" };
      const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: c.channelId, openedBy: c.userId, title: "契約終了をまたぐ", description: "詳細", level: "normal" });
      if (!opened.ok) throw new Error(opened.reason);
      h.clock.set("2026-11-25T01:00:00Z");
      const proposed = await proposeLevelA(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, levelReason: "report", reason: "報告書が必要です" });
      if (!proposed.ok) throw new Error(proposed.reason);
      expect(await decideProposal(h.running.deps, { proposalId: proposed.proposalId, caseId: opened.caseId, actorId: c.userId, decision: "approve", messageTs: null })).toMatchObject({ ok: true, after: 3 });
      expect(await resolveCase(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER })).toMatchObject({ ok: true, incidents: 3, available: 3 });
      expect(await ledgerOf(opened.caseId, c)).toEqual(["reserve 1 @first", "reserve 2 @renewal", "consume 1 @first", "consume 2 @renewal"]);
      expect(await auditParts()).toEqual([]);
      expect(await auditLedger(h.database.db)).toEqual([]);
    } finally {
      h.clock.set("2026-11-24T01:00:00Z");
    }
  });
});
