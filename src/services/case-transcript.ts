// One case's whole record, for archives and for a customer who asks what was said: every thread message with its
// author's role and time (edited and deleted ones marked, as the record keeps them), the case's events, the
// incidents it reserved, consumed or released per contract, and its files. Read only.
import { caseFiles, type CaseFileRow } from "../db/cases/files.ts";
import { caseForTranscript, transcriptEvents, transcriptMessages } from "../db/cases/views.ts";
import { channelLocale } from "../db/channels/case-views.ts";
import { ledgerOfCase } from "../db/contracts/case-views.ts";
import { caseNumber, type CaseLevel, type CaseState } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";
import { storedLocale } from "../domain/locale.ts";

export interface Transcript {
  case: {
    id: number; number: string; title: string; description: string; product: string | null; customer: string; channelId: string;
    level: CaseLevel; incidents: number; state: CaseState; openedBy: string; assigneeId: string | null;
    openedAt: string; firstResponseAt: string | null; closedAt: string | null; closeReason: string | null; locale: "ja" | "en";
  };
  messages: Array<{ ts: string; userId: string; role: string; postedAt: string; text: string; editedAt: string | null; deleted: boolean }>;
  events: Array<{ kind: string; actorId: string; at: string; data: unknown }>;
  incidents: Array<{ kind: string; amount: number; contractId: number; actorId: string; at: string; reason: string | null }>;
  files: Array<Omit<CaseFileRow, "postedAt"> & { postedAt: string }>;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);


export async function caseTranscript(deps: Pick<ServiceDeps, "db">, caseId: number): Promise<Transcript | null> {
  const db = deps.db.client;
  const c = await caseForTranscript(db, caseId);
  if (!c) return null;
  const channel = await channelLocale(db, c.channelId);
  const messages = await transcriptMessages(db, caseId);
  const events = await transcriptEvents(db, caseId);
  const ledger = await ledgerOfCase(db, caseId);
  return {
    case: {
      id: c.id, number: caseNumber(c.id), title: c.title, description: c.description, product: c.product, customer: c.customer.name,
      channelId: c.channelId, level: c.level, incidents: c.incidents, state: c.state, openedBy: c.openedBy,
      assigneeId: c.assigneeId, openedAt: c.createdAt.toISOString(), firstResponseAt: iso(c.firstResponseAt), closedAt: iso(c.closedAt),
      closeReason: c.closeReason, locale: storedLocale(channel?.locale),
    },
    messages: messages.map((m) => ({
      ts: m.ts, userId: m.userId, role: m.authorRole, postedAt: m.postedAt.toISOString(), text: m.text, editedAt: iso(m.editedAt), deleted: m.deletedAt !== null,
    })),
    events: events.map((e) => ({ kind: e.kind, actorId: e.actorId, at: e.createdAt.toISOString(), data: e.data })),
    incidents: ledger.map((l) => ({ kind: l.kind, amount: l.amount, contractId: l.contractId, actorId: l.actorId, at: l.createdAt.toISOString(), reason: l.reason })),
    files: (await caseFiles(db, caseId)).map((f) => ({ ...f, postedAt: f.postedAt.toISOString() })),
  };
}
