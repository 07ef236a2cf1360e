// A customer applies in Slack for a renewal or an additional purchase (the registration form in a modal). It makes a
// request, never a contract (R-CON-5): managers see it in the triage channel with the controls to register it, and
// the customer sees its state in their channel. A modal submitted twice makes one request.
import { isUniqueViolation } from "../db/client.ts";
import { contractIdOfCustomer } from "../db/contracts/contract-rows.ts";
import { enqueue } from "../db/outbox.ts";
import { recordContractEvent, recordPurchaseRequest, requestIdOfSubmission, type NewPurchaseRequest } from "../db/contracts/renewals.ts";
import { validateApplication, type ApplicationErrors } from "../domain/renewal.ts";
import type { ServiceDeps } from "./deps.ts";

/** What the application modal gives: the request as stored, made by the person who submitted it. */
export type CreatePurchaseRequestInput = Omit<NewPurchaseRequest, "requestedBy" | "at"> & { actorId: string };

export type CreatePurchaseRequestResult =
  | { ok: true; requestId: number; duplicate: boolean }
  | { ok: false; errors: ApplicationErrors };

export async function createPurchaseRequest(deps: ServiceDeps, input: CreatePurchaseRequestInput): Promise<CreatePurchaseRequestResult> {
  const now = deps.clock.now();
  const errors = validateApplication(input, deps.calendar.localDate(now));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const existing = () => requestIdOfSubmission(deps.db.client, input.requestKey);
  const found = await existing();
  if (found !== null) return { ok: true, requestId: found, duplicate: true };
  try {
    const id = await deps.db.transaction(async (tx) => {
      const contractId = input.contractId
        ? await contractIdOfCustomer(tx, input.contractId, input.customerId)
        : null;
      const requestId = await recordPurchaseRequest(tx, {
        customerId: input.customerId, channelId: input.channelId, kind: input.kind, contractId,
        companyName: input.companyName, contactName: input.contactName, contactEmail: input.contactEmail,
        incidents: input.incidents, startsOn: input.startsOn, note: input.note, requestedBy: input.actorId,
        requestKey: input.requestKey, at: now,
      });
      await recordContractEvent(tx, {
        customerId: input.customerId, contractId, requestId, kind: "request_created", actorId: input.actorId, at: now,
        data: { kind: input.kind, incidents: input.incidents },
      });
      await enqueue(tx, input.channelId, { kind: "request.post", requestId, side: "customer" }, { at: now, dedupeKey: `request:${requestId}:customer` });
      if (deps.triageChannel) {
        await enqueue(tx, deps.triageChannel, { kind: "request.post", requestId, side: "triage" }, { at: now, dedupeKey: `request:${requestId}:triage` });
      }
      return requestId;
    });
    deps.onOutbox?.();
    return { ok: true, requestId: id, duplicate: false };
  } catch (error) {
    // A twin submission committed first: it is the same request.
    const twin = isUniqueViolation(error) ? await existing() : null;
    if (twin !== null) return { ok: true, requestId: twin, duplicate: true };
    throw error;
  }
}
