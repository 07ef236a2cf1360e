// A customer clicks Approve on a proposal to raise their case to level A at the moment an engineer clicks Resolve,
// many times, through the real receiver. The case's incidents sit on a contract with nothing left beside them, so an
// approval needs a second, overlapping contract (a renewal bought early, R-CON-6). Whichever click the database
// takes first, the result is one a person could have caused: approved then resolved (3 consumed), or resolved then
// refused (1 consumed, and the customer is told that the case has already ended). Nobody is left without an answer,
// nothing is logged as an error, and the ledger adds up (R-INC-5, R-INC-6, R-LIFE-3, R-CON-7).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { openCase } from "../../src/services/open-case.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { Actions } from "../../src/slack/ids.ts";
import type { SlackMessage } from "../support/slack-api.ts";
import { TRIAGE_CHANNEL, CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";
import { auditLedger, tableCounts } from "./audit.ts";
import { inParallel, settled } from "./flows.ts";

const RACES = 32;
const REFUSED = "この案件は既にクローズしているため、このご提案にはお答えいただけません。";
const APPROVED = "にご承認いただき、案件";

let h: Harness;
const errors: string[] = [];
beforeAll(async () => {
  h = await startHarness({ logger: createLogger("error", (line) => errors.push(line)) });
  // The first contract holds exactly what the cases reserve; the renewal, ending later, has the rest.
  const { customerId } = await h.registerCustomer({ incidents: RACES, confirmedOn: "2026-01-05" });
  const renewed = await renewContract(h.running.deps, { customerId, incidents: 1_000, confirmedOn: "2026-04-01", actorId: MANAGER });
  if (!renewed.ok) throw new Error("renewal failed");
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.database.db.client;

interface Race { caseId: number; rootTs: string; triageTs: string; proposal: SlackMessage }

async function prepare(): Promise<Omit<Race, "rootTs" | "triageTs" | "proposal"> & { proposalId: number }> {
  const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "承認と解決が同時", description: "詳細", level: "normal" });
  if (!opened.ok) throw new Error(opened.reason);
  const proposed = await proposeLevelA(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
  if (!proposed.ok) throw new Error(proposed.reason);
  return { caseId: opened.caseId, proposalId: proposed.proposalId };
}

function proposalMessage(rootTs: string, proposalId: number, caseId: number): SlackMessage {
  const found = h.slack.messages(CUSTOMER_CHANNEL).find((m) => m.thread_ts === rootTs && JSON.stringify(m.blocks ?? []).includes(`"value":"${proposalId}:${caseId}"`));
  if (!found) throw new Error(`no proposal message for case ${caseId}`);
  return found;
}

describe(`Approve racing Resolve on a case whose contract is full, ${RACES} times`, () => {
  it("ends every case resolved, consuming 1 or 3; each refused approval is answered; nothing fails", async () => {
    const prepared = await inParallel(Array.from({ length: RACES }, (_, i) => i), 4, () => prepare());
    await h.drain();
    const races: Race[] = [];
    for (const p of prepared) {
      const c = await db().case.findUniqueOrThrow({ where: { id: p.caseId } });
      races.push({ caseId: p.caseId, rootTs: c.rootTs!, triageTs: c.triageTs!, proposal: proposalMessage(c.rootTs!, p.proposalId, p.caseId) });
    }
    // Half the time the engineer's click is sent a moment before the customer's, so both orders are seen.
    const statuses = await inParallel(races, 4, (r, i) => {
      const approve = () => h.driver.blockAction({ actionId: Actions.approveProposal, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: r.proposal.ts, threadTs: r.rootTs });
      const resolve = () => h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: r.triageTs });
      const clicks = i % 2 === 0 ? [approve(), resolve()] : [resolve(), approve()];
      return Promise.all(clicks).then((answers) => answers.map((a) => a.status));
    });
    expect(statuses.flat().filter((s) => s !== 200)).toEqual([]);
    // Both clicks do their work after the acknowledgement: wait until nothing moves any more.
    await settled(async () => ({ ...(await tableCounts(h.database.db)), calls: h.slack.calls.length }), 300);
    await h.drain();

    const ids = races.map((r) => r.caseId);
    const cases = await db().case.findMany({ where: { id: { in: ids } }, select: { id: true, state: true, level: true, incidents: true } });
    expect(cases.filter((c) => c.state !== "resolved")).toEqual([]);
    const consumed = await db().ledgerEntry.groupBy({ by: ["caseId"], where: { caseId: { in: ids }, kind: "consume" }, _sum: { amount: true } });
    const byCase = new Map(consumed.map((e) => [e.caseId, e._sum.amount]));
    const approved = cases.filter((c) => c.level === "A").map((c) => c.id);
    const refused = cases.filter((c) => c.level === "normal").map((c) => c.id);
    expect(approved.filter((id) => byCase.get(id) !== 3)).toEqual([]);
    expect(refused.filter((id) => byCase.get(id) !== 1)).toEqual([]);

    // The customer heard back every time: a notice in the thread for an approval, a note only they see for a refusal.
    const notices = races.filter((r) => approved.includes(r.caseId))
      .filter((r) => !h.slack.messages(CUSTOMER_CHANNEL).some((m) => m.thread_ts === r.rootTs && (m.text ?? "").includes(APPROVED)));
    expect(notices.map((r) => r.caseId)).toEqual([]);
    // Each refusal ends with how to reach T4U (SUPPORT_CONTACT), after the reason.
    const told = h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.user === CUSTOMER && (e.text ?? "").startsWith(REFUSED));
    expect(told.length).toBe(refused.length);
    // The engineer's Resolve always went through.
    expect(h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.user === ENGINEER)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await auditLedger(h.database.db)).toEqual([]);
    console.info(`approve vs resolve: ${approved.length} approved first, ${refused.length} refused after the resolution`);
  }, 120_000);
});
