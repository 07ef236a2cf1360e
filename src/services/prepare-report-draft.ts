// What the report modal opens with: the latest saved version to go on from, or, for a first draft, what the case
// already says (customer, case number, product, dates received and answered, engineer, title and description).
import { caseForReportDraft } from "../db/cases/views.ts";
import { deliveredEditions, reportVersionsOf } from "../db/cases/reports.ts";
import { caseNumber } from "../domain/case.ts";
import { emptySections, nextEdition, parseReportContent, type ReportContent, type ReportVersionState } from "../domain/report.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ReportDraft {
  caseId: number;
  number: string;
  title: string;
  customer: string;
  content: ReportContent;
  /** The version the modal shows, if one was saved. */
  latest: { number: number; state: ReportVersionState; changeNote: string | null } | null;
  nextVersion: number;
  delivered: number[];
  /** The edition the next delivery will be: a corrected re-issue when it is more than 1. */
  nextEdition: number;
}

export type PrepareReportDraftResult = { ok: true; draft: ReportDraft } | { ok: false; reason: "unknown_case" | "not_level_a" };

export async function prepareReportDraft(
  deps: Pick<ServiceDeps, "db" | "calendar">, input: { caseId: number; engineerName: string },
): Promise<PrepareReportDraftResult> {
  const c = await caseForReportDraft(deps.db.client, input.caseId);
  if (!c) return { ok: false, reason: "unknown_case" };
  if (c.level !== "A") return { ok: false, reason: "not_level_a" };
  const versions = await reportVersionsOf(deps.db.client, c.id);
  const last = versions.at(-1);
  const saved = last ? parseReportContent(last.content) : null;
  const content: ReportContent = saved ?? {
    header: {
      customer: c.customer.name, caseNumber: caseNumber(c.id), product: c.product ?? "",
      receivedOn: deps.calendar.localDate(c.createdAt),
      answeredOn: c.lastEngineerMessageAt ? deps.calendar.localDate(c.lastEngineerMessageAt) : null,
      engineer: input.engineerName,
    },
    sections: { ...emptySections(), subject: c.title, events: c.description },
  };
  const delivered = deliveredEditions(versions);
  return {
    ok: true,
    draft: {
      caseId: c.id, number: caseNumber(c.id), title: c.title, customer: c.customer.name, content,
      latest: last ? { number: last.number, state: last.state, changeNote: last.changeNote } : null,
      nextVersion: (last?.number ?? 0) + 1, delivered, nextEdition: nextEdition(delivered),
    },
  };
}
