// What the case modal shows before anything is spent: what a case costs and what remains, whether a case can be
// opened at all (and why not), the text of the message it is made from, and the closed case it follows.
import { caseOfRequestKey, caseToFollow, latestCustomerText } from "../db/cases/views.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { caseNumber } from "../domain/case.ts";
import { refusalReason, summarize, type RefusalReason } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { offeredText } from "./offer-case.ts";

export interface PrepareCaseModalInput {
  customerId: number;
  channelId: string;
  /** The message the case would be made from. */
  sourceTs?: string | null;
  previousCaseId?: number | null;
}

export interface CaseModalPreparation {
  available: number;
  /** Why not even a normal case could be opened now; null when one can. */
  blocked: RefusalReason | null;
  /** The case already made from the source message, if any: a message becomes at most one case. */
  existingCase: { id: number; number: string } | null;
  /** Text to fill the modal with: the offered message, or the customer's words after a case closed. */
  text: string | null;
  previous: { id: number; number: string } | null;
}

/** A message becomes at most one case: its submissions share this idempotency key. */
export function sourceRequestKey(channelId: string, sourceTs: string): string {
  return `source:${channelId}:${sourceTs}`;
}

export async function prepareCaseModal(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, input: PrepareCaseModalInput): Promise<CaseModalPreparation> {
  const db = deps.db.client;
  const today = deps.calendar.localDate(deps.clock.now());
  const contracts = await contractsOf(db, input.customerId);
  const { available } = summarize(contracts, today);
  const preparation: CaseModalPreparation = {
    available, blocked: available >= 1 ? null : refusalReason(contracts, today), existingCase: null, text: null, previous: null,
  };
  if (input.sourceTs) {
    const existing = await caseOfRequestKey(db, sourceRequestKey(input.channelId, input.sourceTs));
    if (existing) preparation.existingCase = { id: existing.id, number: caseNumber(existing.id) };
    preparation.text = await offeredText(deps, input.channelId, input.sourceTs);
  }
  if (input.previousCaseId) {
    // Only a case of the same customer can be followed up from this channel.
    const previous = await caseToFollow(db, input.previousCaseId);
    if (previous && previous.customerId === input.customerId) {
      preparation.previous = { id: previous.id, number: caseNumber(previous.id) };
      const latest = await latestCustomerText(db, previous.id, previous.closedAt);
      preparation.text ??= latest?.text ?? null;
    }
  }
  return preparation;
}
