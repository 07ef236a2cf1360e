// A customer (or T4U on their behalf) opens a case: its incidents are reserved in the same transaction that
// creates it (R-INC-6), from the valid contracts, the one that ends first first (R-CON-6); a level A case may take
// part of its three from one contract and the rest from an overlapping one.
import { isUniqueViolation, type Tx } from "../db/client.ts";
import { recordCaseFiles } from "../db/cases/files.ts";
import { caseOfSubmission, caseWithRequestKey, earlierCaseOf } from "../db/cases/reads.ts";
import { insertOpenedCase } from "../db/cases/changes-open.ts";
import { channelToOpenCaseIn } from "../db/channels/changes.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { holdAcross, recordNewCaseEntries } from "../db/cases/reservations.ts";
import { enqueueMany } from "../db/outbox.ts";
import { refusalReason, summarize, type RefusalReason } from "../domain/contract.ts";
import { incidentsFor } from "../domain/ledger.ts";
import { firstResponseTimers, delayNoticeAt } from "../domain/timers.ts";
import type { ServiceDeps } from "./deps.ts";

export interface OpenCaseInput {
  /** Idempotency key: the same submission delivered twice opens one case. */
  requestKey: string;
  channelId: string;
  openedBy: string;
  title: string;
  description: string;
  product?: string | null;
  level: "normal" | "A";
  levelReason?: "reproduction" | "report" | null;
  /** The customer message this case was made from, if any. */
  sourceTs?: string | null;
  /** The thread where that message sits (its own, for a top-level message): told which case it became. */
  sourceThreadTs?: string | null;
  previousCaseId?: number | null;
  /** Files attached in the modal: recorded with the case, as files posted in its thread are. */
  files?: readonly CaseAttachment[];
  /** Who opened it, as the files record their author: the customer, or T4U on their behalf. */
  openerRole?: "customer" | "engineer" | "internal";
}

export interface CaseAttachment { id: string; name: string; mimetype?: string; filetype?: string; size?: number }

export type OpenCaseResult =
  | { ok: true; caseId: number; incidents: number; duplicate: boolean; openedBy: string }
  | { ok: false; reason: "not_registered" | RefusalReason; needed: number; available: number };

export async function openCase(deps: ServiceDeps, input: OpenCaseInput): Promise<OpenCaseResult> {
  const now = deps.clock.now();
  const today = deps.calendar.localDate(now);
  const needed = incidentsFor(input.level);
  // The same submission again (a Slack retry, a double submit) finds the case the first one opened: by the key's
  // refusal of a second case, or, where this one cannot open one (the first took the last incidents), by asking.
  const opened = async (tx: Tx): Promise<OpenCaseResult | null> => {
    const existing = await caseOfSubmission(tx, input.requestKey);
    return existing ? { ok: true, caseId: existing.id, incidents: existing.incidents, duplicate: true, openedBy: existing.openedBy } : null;
  };
  try {
    const result = await deps.db.transaction(async (tx): Promise<OpenCaseResult> => {
      // The channel and its customer's contracts in one read: the reservation plans from them.
      const channel = await channelToOpenCaseIn(tx, input.channelId);
      if (!channel) return await opened(tx) ?? { ok: false, reason: "not_registered", needed, available: 0 };
      // A follow-up links only to a case of the same customer.
      const previous = input.previousCaseId
        ? await earlierCaseOf(tx, input.previousCaseId, channel.customerId)
        : null;
      const parts = await holdAcross(tx, channel.customerId, needed, today, channel.customer.contracts);
      const openedUnder = parts?.[0];
      if (parts && openedUnder) {
        const created = await insertOpenedCase(tx, {
          customerId: channel.customerId, contractId: openedUnder.contractId, channelId: input.channelId,
          requestKey: input.requestKey, title: input.title, description: input.description,
          product: input.product ?? null, level: input.level, levelReason: input.levelReason ?? null,
          incidents: needed, openedBy: input.openedBy, sourceTs: input.sourceTs ?? null,
          previousCaseId: previous?.id ?? null, at: now,
          ...firstResponseTimers(input.level, now, deps.calendar),
          delayNoticeAt: delayNoticeAt(now, deps.calendar),
          parts, eventData: { level: input.level, incidents: needed, parts },
        });
        await recordNewCaseEntries(tx, parts, { customerId: channel.customerId, actorId: input.openedBy, at: now, caseId: created.id });
        if (input.files?.length) {
          await recordCaseFiles(tx, input.files.map((f) => ({
            caseId: created.id, fileId: f.id, name: f.name, mimetype: f.mimetype ?? null, filetype: f.filetype ?? null, size: f.size ?? null,
            userId: input.openedBy, authorRole: input.openerRole ?? "customer", messageTs: null, postedAt: now,
          })));
        }
        const caseId = created.id;
        await enqueueMany(tx, [
          { channelId: input.channelId, caseId, payload: { kind: "case.root", caseId, triageChannel: deps.triageChannel } },
          { channelId: input.channelId, caseId, payload: { kind: "case.notice", caseId, notice: "notice.opened", params: { incidents: needed } } },
          ...(input.sourceTs && input.sourceThreadTs ? [{ channelId: input.channelId, caseId, payload: { kind: "case.linked" as const, caseId, sourceTs: input.sourceThreadTs } }] : []),
          ...(deps.triageChannel ? [{ channelId: deps.triageChannel, caseId, payload: { kind: "triage.root" as const, caseId } }] : []),
        ], { at: now });
        return { ok: true, caseId: created.id, incidents: needed, duplicate: false, openedBy: created.openedBy };
      }
      const again = await opened(tx);
      if (again) return again;
      const fresh = await contractsOf(tx, channel.customerId);
      return { ok: false, reason: refusalReason(fresh, today), needed, available: summarize(fresh, today).available };
    });
    if (result.ok) deps.onOutbox?.();
    return result;
  } catch (error) {
    // The same submission again (Slack retry or double submit), at once or later: the case it opened is found by
    // its key, which refused the second one. Nothing the refused one did stays (its transaction rolled back).
    if (isUniqueViolation(error)) {
      const winner = await caseWithRequestKey(deps.db.client, input.requestKey);
      if (winner) return { ok: true, caseId: winner.id, incidents: winner.incidents, duplicate: true, openedBy: winner.openedBy };
    }
    throw error;
  }
}
