// What a PDF of one report version prints, read from the database: for the delivery of an approved version and
// for the CLI's `report render` of any version. The words around it (labels) are the caller's.
import { reportVersionsOf, type StoredReportVersion } from "../db/cases/reports.ts";
import { parseReportContent, type ReportContent } from "../domain/report.ts";
import type { ServiceDeps } from "./deps.ts";
import { storedLocale } from "../domain/locale.ts";

export interface ReportRendering {
  caseId: number;
  versionId: number;
  content: ReportContent;
  version: number;
  edition: number | null;
  issuedOn: string;
  issuedAt: Date;
  changeNote: string | null;
  locale: "ja" | "en";
}

export function renderingOf(deps: Pick<ServiceDeps, "calendar">, caseId: number, v: StoredReportVersion): ReportRendering | null {
  const content = parseReportContent(v.content);
  if (!content) return null;
  // A delivered edition is dated the day it went out; a draft the day it was saved.
  const issuedAt = v.deliveredAt ?? v.savedAt;
  return {
    caseId, versionId: v.id, content, version: v.number, edition: v.edition, issuedOn: deps.calendar.localDate(issuedAt), issuedAt,
    changeNote: v.changeNote, locale: storedLocale(v.locale),
  };
}

export type ReportDocumentResult = { ok: true; rendering: ReportRendering } | { ok: false; reason: "no_report" | "no_such_version" | "unreadable" };

/** One version of a case's report: by version number, by edition delivered, or else the latest. */
export async function reportDocument(
  deps: Pick<ServiceDeps, "db" | "calendar">, input: { caseId: number; version?: number; edition?: number },
): Promise<ReportDocumentResult> {
  const versions = await reportVersionsOf(deps.db.client, input.caseId);
  if (versions.length === 0) return { ok: false, reason: "no_report" };
  const found = input.version !== undefined ? versions.find((v) => v.number === input.version)
    : input.edition !== undefined ? versions.find((v) => v.edition === input.edition && v.fileId !== null)
      : versions.at(-1);
  if (!found) return { ok: false, reason: "no_such_version" };
  const rendering = renderingOf(deps, input.caseId, found);
  return rendering ? { ok: true, rendering } : { ok: false, reason: "unreadable" };
}
