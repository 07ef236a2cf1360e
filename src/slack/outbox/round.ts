// One round of the dispatcher reads the cases its messages are about once, together, and every message of the
// round renders from that read. A message that changes what a later one of the round shows (the root message's ts,
// which the notices in its thread need) updates the read as well as the database.
import { loadCaseViews, type CaseView, type RatingFacts } from "../../services/case-view.ts";
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import type { DeliverDeps } from "./deliver.ts";

type CaseFacts = { view: CaseView; rating: RatingFacts | null };

/** The kinds whose delivery renders their case (the others read what they need on their own, or nothing). */
const CASE_KINDS: ReadonlySet<OutboxPayload["kind"]> = new Set([
  "case.root", "case.refresh", "case.notice", "case.linked", "triage.root", "triage.refresh", "triage.notice", "closed.reply",
  "rating.request", "rating.refresh",
]);

export class DeliveryRound {
  private loaded: Promise<Map<number, CaseFacts>> | null = null;
  private readonly caseIds: Set<number>;
  /**
   * A delivery of this round wrote more messages (a redraw, an alert, the rest of a person's notifications) or set
   * its message aside, moving its channel's queue on: the dispatcher looks again at once rather than at its next poll.
   */
  lookAgain = false;

  constructor(private readonly deps: Pick<DeliverDeps, "db" | "calendar" | "clock">, payloads: readonly OutboxPayload[]) {
    this.caseIds = new Set(payloads.flatMap((p) => (CASE_KINDS.has(p.kind) && "caseId" in p ? [p.caseId] : [])));
  }

  async case(caseId: number): Promise<CaseFacts | null> {
    if (!this.caseIds.has(caseId)) return (await loadCaseViews(this.deps, [caseId])).get(caseId) ?? null;
    this.loaded ??= loadCaseViews(this.deps, [...this.caseIds]);
    return (await this.loaded).get(caseId) ?? null;
  }

  /** The root or triage message was just posted: the round's later messages see its ts. */
  async posted(caseId: number, ts: { rootTs?: string; triageTs?: string }): Promise<void> {
    const facts = this.loaded ? (await this.loaded).get(caseId) : undefined;
    if (facts) facts.view = { ...facts.view, ...ts };
  }
}
