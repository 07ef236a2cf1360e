// What a case message shows, read in one place so every rendering (root, triage, queue) agrees.
import { contractsOf } from "../db/contracts.ts";
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
  const c = await deps.db.client.case.findUnique({ where: { id: caseId }, include: { customer: true } });
  if (!c) return null;
  const channel = await deps.db.client.customerChannel.findUnique({ where: { channelId: c.channelId } });
  const today = deps.calendar.localDate(deps.clock.now());
  const available = summarize(await contractsOf(deps.db.client, c.customerId), today).available;
  return {
    id: c.id, number: caseNumber(c.id), customerName: c.customer.name, channelId: c.channelId,
    title: c.title, description: c.description, product: c.product,
    level: c.level, levelReason: c.levelReason as CaseView["levelReason"],
    incidents: c.incidents, state: c.state, openedBy: c.openedBy, assigneeId: c.assigneeId,
    rootTs: c.rootTs, triageTs: c.triageTs, createdAt: c.createdAt,
    autoCloseOn: c.autoCloseAt ? deps.calendar.localDate(c.autoCloseAt) : null,
    expectedAnswerOn: c.expectedAnswerOn, firstResponseDueAt: c.firstResponseDueAt,
    available, locale: storedLocale(channel?.locale),
  };
}
