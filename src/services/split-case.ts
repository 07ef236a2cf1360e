// An approved split takes effect (R-INC-3): the case becomes part 1 and keeps its incidents; each other part
// becomes a new case, linked by parentCaseId, reserving its own incident — all in the approval's transaction,
// so either every part exists with its reservation or none does (R-INC-6). Each part's thread says why.
import { recordCaseEvent, retitleActiveCase } from "../db/cases/changes.ts";
import { insertSplitPart } from "../db/cases/changes-open.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { recordReservation } from "../db/cases/reservations.ts";
import { enqueue } from "../db/outbox.ts";
import { caseNumber } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import { incidentsFor } from "../domain/ledger.ts";
import { splitCost, splitProblem } from "../domain/proposal.ts";
import { delayNoticeAt } from "../domain/timers.ts";
import { DecisionRefused, type Applied, type DecisionContext } from "./decision.ts";
import { reserveForNewCase } from "./reserve-more.ts";

function titlesOf(parts: unknown): string[] | null {
  if (!Array.isArray(parts) || !parts.every((t): t is string => typeof t === "string")) return null;
  return splitProblem(parts.length) ? null : parts;
}

export async function splitCase(ctx: DecisionContext): Promise<Applied> {
  const { tx, deps, now, current, proposal } = ctx;
  const titles = titlesOf(proposal.parts);
  if (!titles) throw new DecisionRefused({ ok: false, reason: "not_applicable" });
  const cost = splitCost({ level: current.level, incidents: current.incidents }, titles.length);
  if (!(await retitleActiveCase(tx, current.id, titles[0] ?? current.title))) throw new DecisionRefused({ ok: false, reason: "closed" });
  const availableBefore = summarize(await contractsOf(tx, current.customerId), ctx.today).available;
  const options = { at: now };
  // Each part is a question T4U still owes an answer to, asked when the original one was.
  const questionAt = current.oldestUnansweredAt ?? now;
  const newCaseIds: number[] = [];
  for (const [index, title] of titles.entries()) {
    if (index === 0) continue;
    const incidents = incidentsFor("normal");
    const parts = await reserveForNewCase(tx, current.customerId, incidents, ctx.today);
    const openedUnder = parts?.[0];
    if (!parts || !openedUnder) throw new DecisionRefused({ ok: false, reason: "insufficient", needed: cost.extra, available: availableBefore });
    const created = await insertSplitPart(tx, {
      customerId: current.customerId, contractId: openedUnder.contractId, channelId: current.channelId,
      requestKey: `split:${proposal.id}:${index}`, title, description: current.description, product: current.product,
      level: "normal", incidents, state: current.assigneeId ? "in_progress" : "open",
      openedBy: current.openedBy, assigneeId: current.assigneeId, parentCaseId: current.id, at: now,
      lastCustomerMessageAt: current.lastCustomerMessageAt, oldestUnansweredAt: questionAt,
      firstResponseAt: current.firstResponseAt,
      firstResponseRemindAt: current.firstResponseAt ? null : current.firstResponseRemindAt,
      firstResponseDueAt: current.firstResponseAt ? null : current.firstResponseDueAt,
      delayNoticeAt: current.oldestUnansweredAt ? current.delayNoticeAt : delayNoticeAt(now, deps.calendar),
    });
    await recordReservation(tx, parts, { customerId: current.customerId, actorId: ctx.actorId, at: now, caseId: created.id, reason: `proposal:${proposal.id}` });
    await recordCaseEvent(tx, {
      caseId: created.id, kind: "opened", actorId: ctx.actorId, at: now,
      data: { level: "normal", incidents, parts, splitFrom: current.id, proposalId: proposal.id },
    });
    await enqueue(tx, current.channelId, { kind: "case.root", caseId: created.id }, { ...options, caseId: created.id });
    await enqueue(tx, current.channelId, {
      kind: "case.notice", caseId: created.id, notice: "notice.split_part",
      params: { parent: caseNumber(current.id), reason: proposal.reason, incidents },
    }, { ...options, caseId: created.id });
    if (deps.triageChannel) await enqueue(tx, deps.triageChannel, { kind: "triage.root", caseId: created.id }, { ...options, caseId: created.id });
    newCaseIds.push(created.id);
  }
  await recordCaseEvent(tx, {
    caseId: current.id, kind: "split", actorId: ctx.actorId, at: now,
    data: { proposalId: proposal.id, parts: newCaseIds, before: cost.before, after: cost.after },
  });
  const available = summarize(await contractsOf(tx, current.customerId), ctx.today).available;
  const caseOptions = { ...options, caseId: current.id };
  await enqueue(tx, current.channelId, { kind: "case.refresh", caseId: current.id }, caseOptions);
  await enqueue(tx, current.channelId, {
    kind: "case.notice", caseId: current.id, notice: "notice.split_done",
    params: { user: ctx.actorId, parts: newCaseIds.map(caseNumber).join(", "), before: cost.before, after: cost.after, available },
  }, caseOptions);
  if (deps.triageChannel) {
    if (current.triageTs) await enqueue(tx, deps.triageChannel, { kind: "triage.refresh", caseId: current.id }, caseOptions);
    await enqueue(tx, deps.triageChannel, { kind: "triage.notice", caseId: current.id, notice: "triage.proposal_approved", params: { user: ctx.actorId, before: cost.before, after: cost.after } }, caseOptions);
  }
  return { before: cost.before, after: cost.after, newCaseIds };
}
