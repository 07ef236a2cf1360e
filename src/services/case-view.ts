// What a case message shows, read in one place so every rendering (root, triage, queue) agrees.
import { casesForViews } from "../db/cases/views.ts";
import { channelForCaseView } from "../db/channels/case-views.ts";
import { contractTermsOf } from "../db/contracts/case-views.ts";
import { caseNumber, type CaseLevel, type CaseState } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { storedLocale } from "../domain/locale.ts";

export interface CaseView {
  id: number;
  number: string;
  customerName: string;
  channelId: string;
  title: string;
  description: string;
  product: string | null;
  level: CaseLevel;
  levelReason: "reproduction" | "report" | null;
  incidents: number;
  state: CaseState;
  openedBy: string;
  assigneeId: string | null;
  rootTs: string | null;
  triageTs: string | null;
  createdAt: Date;
  /** Local date on which the case closes by itself, while waiting on the customer. */
  autoCloseOn: string | null;
  expectedAnswerOn: string | null;
  firstResponseDueAt: Date | null;
  available: number;
  locale: "ja" | "en";
}

export async function loadCaseView(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, caseId: number): Promise<CaseView | null> {
  return (await loadCaseViews(deps, [caseId])).get(caseId)?.view ?? null;
}

/** What the satisfaction question of a case shows once answered. */
export interface RatingFacts { score: number; comment: string | null; askTs: string | null }

/**
 * Several cases read together, each with its customer, the customer's contracts and channels, and its rating:
 * two statements, however many cases (the outbox renders a round of messages from one read).
 */
export async function loadCaseViews(
  deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, caseIds: readonly number[],
): Promise<Map<number, { view: CaseView; rating: RatingFacts | null }>> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return new Map();
  const rows = await casesForViews(deps.db.client, ids);
  const contracts = await contractTermsOf(deps.db.client, [...new Set(rows.map((c) => c.customerId))]);
  const today = deps.calendar.localDate(deps.clock.now());
  const views = new Map<number, { view: CaseView; rating: RatingFacts | null }>();
  for (const c of rows) {
    // A case's channel is one of its customer's; one that has since left the customer is read on its own.
    const locale = c.channelLocale ?? (await channelForCaseView(deps.db.client, c.channelId))?.locale;
    views.set(c.id, {
      view: {
        id: c.id, number: caseNumber(c.id), customerName: c.customerName, channelId: c.channelId,
        title: c.title, description: c.description, product: c.product,
        level: c.level, levelReason: c.levelReason,
        incidents: c.incidents, state: c.state, openedBy: c.openedBy, assigneeId: c.assigneeId,
        rootTs: c.rootTs, triageTs: c.triageTs, createdAt: c.createdAt,
        autoCloseOn: c.autoCloseAt ? deps.calendar.localDate(c.autoCloseAt) : null,
        expectedAnswerOn: c.expectedAnswerOn, firstResponseDueAt: c.firstResponseDueAt,
        available: summarize(contracts.get(c.customerId) ?? [], today).available, locale: storedLocale(locale),
      },
      rating: c.rating,
    });
  }
  return views;
}
