// The outbox's kind column is an enum whose stored labels are the payloads' own dotted kinds ("case.root"); Prisma
// names each label with an identifier ("case_root"). This map is the one place the two meet, and being a record
// over every payload kind, a payload kind added without its label is a type error here.
import type { OutboxKind } from "../generated/sqlite/enums.ts";
import type { OutboxPayload } from "../services/outbox-payload.ts";

export type { OutboxKind };

const STORED: { readonly [K in OutboxPayload["kind"]]: OutboxKind } = {
  "case.root": "case_root",
  "case.refresh": "case_refresh",
  "case.notice": "case_notice",
  "triage.root": "triage_root",
  "triage.refresh": "triage_refresh",
  "triage.notice": "triage_notice",
  "closed.reply": "closed_reply",
  "channel.entry": "channel_entry",
  "channel.notice": "channel_notice",
  "case.offer": "case_offer",
  "case.linked": "case_linked",
  "proposal.request": "proposal_request",
  "proposal.refresh": "proposal_refresh",
  "renewal.notice": "renewal_notice",
  "renewal.refresh": "renewal_refresh",
  "thread.notice": "thread_notice",
  "purchase.notice": "purchase_notice",
  "request.post": "request_post",
  "request.refresh": "request_refresh",
  "request.notice": "request_notice",
  "rating.request": "rating_request",
  "rating.refresh": "rating_refresh",
  "digest.post": "digest_post",
  "digest.chart": "digest_chart",
  "person.notifications": "person_notifications",
};

const LABELS = new Map<OutboxKind, OutboxPayload["kind"]>(Object.entries(STORED).flatMap(([label, kind]) => isPayloadKind(label) ? [[kind, label]] : []));

/** The payload kind a column value stands for, as operators read it ("case.root"). */
export function labelOf(kind: OutboxKind): string {
  return LABELS.get(kind) ?? kind;
}

/** The column's value for a payload kind, as the ORM names it. */
export function storedKind(kind: OutboxPayload["kind"]): OutboxKind {
  return STORED[kind];
}

function isPayloadKind(value: unknown): value is OutboxPayload["kind"] {
  return typeof value === "string" && Object.hasOwn(STORED, value);
}

/**
 * A stored payload as the app wrote it: JSON text (SQLite, and raw queries) or the value (PostgreSQL's jsonb).
 * Only src/db/outbox.ts writes the column, always from a typed payload, so its kind says which payload it is;
 * anything else (a row edited by hand) is refused rather than rendered.
 */
export function readPayload(stored: unknown): OutboxPayload | Error {
  let value: unknown = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return new Error("the stored payload is not JSON");
    }
  }
  if (!isStoredPayload(value)) return new Error("the stored payload is not a message the app writes");
  return value;
}

function isStoredPayload(value: unknown): value is OutboxPayload {
  return typeof value === "object" && value !== null && "kind" in value && isPayloadKind(value.kind);
}
