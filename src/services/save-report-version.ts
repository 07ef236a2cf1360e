// Staff save the report of a level A case: every save is a new version (the text of an earlier one is never
// changed), and versions not yet delivered are superseded by it, so only the newest can be approved and sent.
// After a delivery the next version is a corrected re-issue and must say what changed.
import { caseForReport } from "../db/cases/reads.ts";
import { recordCaseEvent } from "../db/cases/changes.ts";
import {
  deliveredEditions, recordReportVersion, reportOfCase, reportVersionSavedAs, reportVersionsOf, supersedeUndeliveredVersions,
} from "../db/cases/reports.ts";
import { missingSections, type ReportContent, type ReportSection } from "../domain/report.ts";
import type { ServiceDeps } from "./deps.ts";

export interface SaveReportVersionInput {
  caseId: number;
  actorId: string;
  /** Idempotency key of the submission: a resubmitted modal finds the version it saved. */
  requestKey: string;
  content: ReportContent;
  changeNote: string | null;
  locale: "ja" | "en";
  requestReview: boolean;
}

export type SaveReportVersionResult =
  | { ok: true; versionId: number; number: number; inReview: boolean; created: boolean }
  | { ok: false; reason: "unknown_case" | "not_level_a" | "change_note_required" }
  | { ok: false; reason: "missing_sections"; sections: ReportSection[] };

export async function saveReportVersion(deps: ServiceDeps, input: SaveReportVersionInput): Promise<SaveReportVersionResult> {
  const missing = missingSections(input.content.sections);
  if (missing.length > 0) return { ok: false, reason: "missing_sections", sections: missing };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<SaveReportVersionResult> => {
    const again = await reportVersionSavedAs(tx, input.requestKey);
    if (again) return { ok: true, versionId: again.id, number: again.number, inReview: again.state === "in_review", created: false };
    const c = await caseForReport(tx, input.caseId);
    if (!c) return { ok: false, reason: "unknown_case" };
    if (c.level !== "A") return { ok: false, reason: "not_level_a" };
    const versions = await reportVersionsOf(tx, c.id);
    if (deliveredEditions(versions).length > 0 && !input.changeNote) return { ok: false, reason: "change_note_required" };
    const reportId = await reportOfCase(tx, c.id, { createdBy: input.actorId, at: now });
    const number = (versions.at(-1)?.number ?? 0) + 1;
    await supersedeUndeliveredVersions(tx, reportId);
    const state = input.requestReview ? "in_review" : "draft";
    const versionId = await recordReportVersion(tx, {
      reportId, number, content: JSON.stringify(input.content), locale: input.locale, changeNote: input.changeNote,
      savedBy: input.actorId, savedAt: now, requestKey: input.requestKey, state,
    });
    await recordCaseEvent(tx, { caseId: c.id, kind: "report_saved", actorId: input.actorId, at: now, data: { version: number, review: input.requestReview } });
    return { ok: true, versionId, number, inReview: state === "in_review", created: true };
  });
}
