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

  /**
   * The root messages this round posts, by case, with the channel they go to: the case's triage announcement waits
   * for its root (rootPosted), so that it goes out once, with the thread's link, instead of being drawn again.
   */
  private readonly roots = new Map<number, { channelId: string; settled: Promise<void>; settle: () => void }>();

  constructor(private readonly deps: Pick<DeliverDeps, "db" | "calendar" | "clock">, rows: ReadonlyArray<{ channelId: string; payload: OutboxPayload }>) {
    const payloads = rows.map((r) => r.payload);
    this.caseIds = new Set(payloads.flatMap((p) => (CASE_KINDS.has(p.kind) && "caseId" in p ? [p.caseId] : [])));
    for (const { channelId, payload } of rows) {
      if (payload.kind !== "case.root" || this.roots.has(payload.caseId)) continue;
      let settle = () => {};
      const settled = new Promise<void>((resolve) => { settle = resolve; });
      this.roots.set(payload.caseId, { channelId, settled, settle });
    }
  }

  /**
   * Resolves once this round is done with the case's root message (posted, refused, or left for a later round);
   * at once when the round has none, or has it behind the caller in the caller's own channel.
   */
  rootPosted(caseId: number, fromChannel: string): Promise<void> {
    const root = this.roots.get(caseId);
    return root && root.channelId !== fromChannel ? root.settled : Promise.resolve();
  }

  /** The dispatcher is done with a message of this round, whatever became of it. */
  done(payload: OutboxPayload): void {
    if (payload.kind === "case.root") this.roots.get(payload.caseId)?.settle();
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
