// The customer answers the renewal notice (R-CON-4): continue, still considering, or not continue. The answer is
// recorded on the contract with who and when, acknowledged in the notice's thread, and alerted to managers. The
// same answer again (a double click, a retried delivery) changes nothing; a different one replaces it and says so.
// Every answer is kept in the contract's audit trail.
import { contractsOf } from "../db/contracts/balances.ts";
import { enqueue } from "../db/outbox.ts";
import { recordContractEvent, recordRenewalAnswer, renewalToAnswer } from "../db/contracts/renewals.ts";
import type { RenewalAnswer } from "../domain/renewal.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertManagers } from "./engineer-alert.ts";
import { renewalParams } from "./send-renewal-notice.ts";

export interface AnswerRenewalInput {
  contractId: number;
  /** The customer of the channel the button was clicked in: a contract of anyone else is not theirs to answer. */
  customerId: number;
  channelId: string;
  answer: RenewalAnswer;
  actorId: string;
  /** The notice clicked: the acknowledgement goes in its thread and the notice is re-rendered with the answer. */
  messageTs: string | null;
  contact: string;
}

export type AnswerRenewalResult =
  | { ok: true; changed: boolean; previous: RenewalAnswer | null; unchanged: boolean }
  | { ok: false; reason: "unknown_contract" | "ended" };

export async function answerRenewal(deps: ServiceDeps, input: AnswerRenewalInput): Promise<AnswerRenewalResult> {
  const now = deps.clock.now();
  const today = deps.calendar.localDate(now);
  const result = await deps.db.transaction(async (tx): Promise<AnswerRenewalResult> => {
    const contract = await renewalToAnswer(tx, input.contractId);
    if (!contract || contract.customerId !== input.customerId) return { ok: false, reason: "unknown_contract" };
    if (contract.endsOn < today) return { ok: false, reason: "ended" };
    const previous = contract.renewalAnswer;
    if (previous === input.answer) return { ok: true, changed: false, previous, unchanged: true };
    // Conditional on the answer read: of two clicks racing, one writes and the other finds it already changed.
    if (!(await recordRenewalAnswer(tx, contract.id, { previous: contract.renewalAnswer, answer: input.answer, actorId: input.actorId, at: now }))) return { ok: true, changed: false, previous, unchanged: true };
    await recordContractEvent(tx, {
      customerId: contract.customerId, contractId: contract.id, kind: "renewal_answered", actorId: input.actorId, at: now,
      data: { answer: input.answer, previous, channelId: input.channelId },
    });
    const changed = previous !== null;
    const key = `renewal-answer:${contract.id}:${now.getTime()}:${input.answer}`;
    const params = { user: input.actorId, answer: input.answer, previous: previous ?? "", endsOn: contract.endsOn };
    if (input.messageTs) {
      await enqueue(tx, input.channelId, { kind: "thread.notice", threadTs: input.messageTs, notice: changed ? "renewal.changed" : "renewal.answered", params }, { at: now, dedupeKey: `${key}:thread` });
      const all = await contractsOf(tx, contract.customerId);
      await enqueue(tx, input.channelId, {
        kind: "renewal.refresh", contractId: contract.id, ts: input.messageTs,
        params: await renewalParams(tx, deps, { customerId: contract.customerId, endsOn: contract.endsOn, all }, today, input.contact),
      }, { at: now, dedupeKey: `${key}:refresh` });
    }
    await alertManagers(tx, deps, { notice: changed ? "alert.renewal_changed" : "alert.renewal_answered", params: { customer: contract.customer.name, ...params } }, { at: now, dedupeKey: `${key}:alert` });
    return { ok: true, changed, previous, unchanged: false };
  });
  if (result.ok && !result.unchanged) deps.onOutbox?.();
  return result;
}
