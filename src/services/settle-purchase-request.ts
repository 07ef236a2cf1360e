// A manager settles a customer's purchase request: registered as a contract change (inside the transaction of the
// renewal or addition, so the request and the contract never disagree), or declined / put on hold with a reason
// the customer is told. Both sides' messages are re-rendered and the customer is told in the request's thread.
import type { Tx } from "../db/client.ts";
import { enqueue } from "../db/outbox.ts";
import { markRequestDeclined, markRequestRegistered, recordContractEvent, requestToSettle } from "../db/contracts/renewals.ts";
import { DECLINE_REASON_MAX } from "../domain/renewal.ts";
import type { ServiceDeps } from "./deps.ts";
import type { ChannelNotice } from "./notices.ts";

async function tellBothSides(tx: Tx, deps: Pick<ServiceDeps, "triageChannel">, r: { id: number; channelId: string }, notice: ChannelNotice<"request.registered" | "request.declined">, at: Date) {
  await enqueue(tx, r.channelId, { kind: "request.refresh", requestId: r.id, side: "customer" }, { at, dedupeKey: `request:${r.id}:${notice.notice}:customer-refresh` });
  await enqueue(tx, r.channelId, { kind: "request.notice", requestId: r.id, side: "customer", ...notice }, { at, dedupeKey: `request:${r.id}:${notice.notice}:customer` });
  if (deps.triageChannel) {
    await enqueue(tx, deps.triageChannel, { kind: "request.refresh", requestId: r.id, side: "triage" }, { at, dedupeKey: `request:${r.id}:${notice.notice}:triage-refresh` });
  }
}

/**
 * Called by the renewal and the addition services in their own transaction: the request becomes "registered" as
 * that contract. Returns false (and changes nothing) when the request does not exist or is already registered.
 */
export async function registerPurchaseRequest(
  tx: Tx, deps: Pick<ServiceDeps, "triageChannel">, input: { requestId: number; contractId: number; incidents: number; startsOn: string; endsOn: string; actorId: string; at: Date },
): Promise<boolean> {
  const request = await requestToSettle(tx, input.requestId);
  if (!request) return false;
  if (!(await markRequestRegistered(tx, request.id, { contractId: input.contractId, actorId: input.actorId, at: input.at }))) return false;
  await recordContractEvent(tx, {
    customerId: request.customerId, contractId: input.contractId, requestId: request.id, kind: "request_registered", actorId: input.actorId, at: input.at,
    data: { kind: request.kind, incidents: input.incidents, contractId: input.contractId },
  });
  await tellBothSides(tx, deps, request, { notice: "request.registered", params: { kind: request.kind, incidents: input.incidents, from: input.startsOn, to: input.endsOn } }, input.at);
  return true;
}

export type DeclineResult = { ok: true } | { ok: false; reason: "unknown_request" | "settled" | "empty_reason" | "too_long" };

export async function declinePurchaseRequest(deps: ServiceDeps, input: { requestId: number; reason: string; actorId: string }): Promise<DeclineResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, reason: "empty_reason" };
  if (Array.from(reason).length > DECLINE_REASON_MAX) return { ok: false, reason: "too_long" };
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<DeclineResult> => {
    const request = await requestToSettle(tx, input.requestId);
    if (!request) return { ok: false, reason: "unknown_request" };
    // Only a pending request: a registered one has a contract, and a declined one was answered already.
    if (!(await markRequestDeclined(tx, request.id, { reason, actorId: input.actorId, at: now }))) return { ok: false, reason: "settled" };
    await recordContractEvent(tx, { customerId: request.customerId, contractId: request.contractId, requestId: request.id, kind: "request_declined", actorId: input.actorId, at: now, data: { reason } });
    await tellBothSides(tx, deps, request, { notice: "request.declined", params: { reason } }, now);
    return { ok: true };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
