// Different people acting on one case at the same moment: every pair of the use cases that change a case, run
// concurrently on fresh cases. Whatever order the database picks, the result is one of the orders a person could
// have caused: an ended case stays ended (R-LIFE-3), the incidents it shows are the ones the ledger holds for it
// (R-INC-6, R-CON-7), it ends at most once, and its customer answered a proposal at most once (R-INC-5).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignCase } from "../../src/services/assign-case.ts";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { declineCase } from "../../src/services/decline-case.ts";
import { decideProposal } from "../../src/services/decide-proposal.ts";
import { lowerLevel } from "../../src/services/lower-level.ts";
import { openCase } from "../../src/services/open-case.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { recordMessage } from "../../src/services/record-message.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { setExpectedDate } from "../../src/services/set-expected-date.ts";
import { takeCase } from "../../src/services/take-case.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, ENGINEER_2, startHarness, type Harness } from "../support/harness.ts";
import { auditLedger } from "./audit.ts";
import { inParallel } from "./flows.ts";

/** Fresh cases per pair of use cases. */
const PER_PAIR = 2;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 9_000 });
});
afterAll(async () => {
  await h?.close();
});

interface Fixture { caseId: number; rootTs: string; proposalId: number }
type Step = (f: Fixture) => Promise<unknown>;

const STEPS: Record<string, Step> = {
  "customer writes": (f) => recordMessage(h.running.deps, { channelId: CUSTOMER_CHANNEL, threadTs: f.rootTs, ts: h.driver.nextTs(), userId: CUSTOMER, role: "customer", text: "追加の質問" }),
  "engineer answers": (f) => recordMessage(h.running.deps, { channelId: CUSTOMER_CHANNEL, threadTs: f.rootTs, ts: h.driver.nextTs(), userId: ENGINEER, role: "engineer", text: "回答" }),
  "resolve": (f) => resolveCase(h.running.deps, { caseId: f.caseId, actorId: ENGINEER }),
  "cancel as a defect": (f) => cancelCase(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, note: "不具合" }),
  "decline as out of scope": (f) => declineCase(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, reason: "対象外" }),
  "take": (f) => takeCase(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, assigneeId: ENGINEER }),
  "assign": (f) => assignCase(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, assigneeId: ENGINEER_2, isEngineer: () => true }),
  "set an expected date": (f) => setExpectedDate(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, date: "2026-12-09" }),
  "propose level A again": (f) => proposeLevelA(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, levelReason: "report", reason: "報告書が必要です" }),
  "customer approves": (f) => decideProposal(h.running.deps, { proposalId: f.proposalId, caseId: f.caseId, actorId: CUSTOMER, decision: "approve", messageTs: null }),
  "customer declines": (f) => decideProposal(h.running.deps, { proposalId: f.proposalId, caseId: f.caseId, actorId: CUSTOMER, decision: "decline", messageTs: null }),
  "lower the level": (f) => lowerLevel(h.running.deps, { caseId: f.caseId, actorId: ENGINEER, reason: null }),
};

async function fixture(withProposal = true): Promise<Fixture> {
  const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "同時操作", description: "詳細", level: "normal" });
  if (!opened.ok) throw new Error(opened.reason);
  // The root's ts is all a thread message needs; the outbox is delivered once at the end.
  const rootTs = h.driver.nextTs();
  await h.database.db.client.case.update({ where: { id: opened.caseId }, data: { rootTs } });
  if (!withProposal) return { caseId: opened.caseId, rootTs, proposalId: 0 };
  const proposed = await proposeLevelA(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
  if (!proposed.ok) throw new Error(proposed.reason);
  return { caseId: opened.caseId, rootTs, proposalId: proposed.proposalId };
}

describe("two use cases on one case at the same moment", () => {
  it(`ends consistently for every pair (${PER_PAIR} cases each)`, async () => {
    const names = Object.keys(STEPS);
    const pairs = names.flatMap((a, i) => names.slice(i).map((b) => [a, b] as const));
    const runs = pairs.flatMap((pair) => Array.from({ length: PER_PAIR }, () => pair));
    const fixtures = await inParallel(runs, 8, () => fixture());
    const failures: string[] = [];
    await inParallel(runs, 8, async ([a, b], i) => {
      const f = fixtures[i]!;
      const outcomes = await Promise.allSettled([STEPS[a]!(f), STEPS[b]!(f)]);
      for (const o of outcomes) if (o.status === "rejected") failures.push(`${a} + ${b} on case ${f.caseId}: ${String(o.reason).slice(0, 200)}`);
    });
    expect(failures).toEqual([]);

    expect(await auditLedger(h.database.db)).toEqual([]);
    const ids = fixtures.map((f) => f.caseId);
    const events = await h.database.db.client.caseEvent.findMany({ where: { caseId: { in: ids } }, select: { caseId: true, kind: true } });
    const ends = new Set(["resolve", "cancel_defect", "decline_scope", "auto_close"]);
    const endedTwice = ids.filter((id) => events.filter((e) => e.caseId === id && ends.has(e.kind)).length > 1);
    expect(endedTwice).toEqual([]);
    const proposals = await h.database.db.client.proposal.findMany({ where: { caseId: { in: ids }, state: { in: ["approved", "declined"] } }, select: { caseId: true } });
    const answeredTwice = ids.filter((id) => proposals.filter((p) => p.caseId === id).length > 1);
    expect(answeredTwice).toEqual([]);
    const cases = await h.database.db.client.case.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } });
    const endedYetOpen = cases.filter((c) => events.some((e) => e.caseId === c.id && ends.has(e.kind)) && ["open", "in_progress", "answered"].includes(c.state));
    expect(endedYetOpen).toEqual([]);
    await h.drain();
  }, 120_000);
});

describe("a customer's follow-up racing an engineer's Resolve, 100 times (R-LIFE-3)", () => {
  it("never reopens the resolved case, nor keeps a reservation it consumed", async () => {
    const fixtures = await inParallel(Array.from({ length: 100 }, (_, i) => i), 8, () => fixture(false));
    await inParallel(fixtures, 10, (f) => Promise.all([STEPS["customer writes"]!(f), STEPS["resolve"]!(f)]));
    const states = await h.database.db.client.case.findMany({ where: { id: { in: fixtures.map((f) => f.caseId) } }, select: { state: true } });
    expect(states.filter((c) => c.state !== "resolved")).toEqual([]);
    expect(await auditLedger(h.database.db)).toEqual([]);
  }, 120_000);
});
