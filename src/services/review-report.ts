// A reviewer approves a report version or asks its author for changes, from the triage channel. The four-eyes
// rule lives here (reviewRefusal), so no caller can skip it; who decided and when is kept on the version.
import { recordCaseEvent } from "../db/cases/changes.ts";
import { markReportVersionReviewed, reportVersionState, reportVersionToReview } from "../db/cases/reports.ts";
import { reviewRefusal, type ReviewRefusal, type ReportVersionState } from "../domain/report.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ReviewReportInput {
  versionId: number;
  reviewer: { userId: string; engineer: boolean; manager: boolean };
  decision: "approve" | "changes";
  comment?: string;
}

export type ReviewReportResult =
  | { ok: true; caseId: number; state: ReportVersionState }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: ReviewRefusal; state: ReportVersionState };

export async function reviewReport(deps: ServiceDeps, input: ReviewReportInput): Promise<ReviewReportResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ReviewReportResult> => {
    const version = await reportVersionToReview(tx, input.versionId);
    if (!version) return { ok: false, reason: "unknown" };
    const refusal = reviewRefusal(input.reviewer, version);
    if (refusal) return { ok: false, reason: refusal, state: version.state };
    const state = input.decision === "approve" ? "approved" : "changes_requested";
    // Conditional: of two reviewers clicking at once, one decides; the other is told the version is decided.
    const decided = await markReportVersionReviewed(tx, version.id, { state, reviewedBy: input.reviewer.userId, at: now, comment: input.comment ?? null });
    if (!decided) return { ok: false, reason: "not_in_review", state: await reportVersionState(tx, version.id) };
    await recordCaseEvent(tx, {
      caseId: version.report.caseId, kind: state === "approved" ? "report_approved" : "report_changes_requested",
      actorId: input.reviewer.userId, at: now, data: { version: version.number, ...(input.comment ? { comment: input.comment } : {}) },
    });
    return { ok: true, caseId: version.report.caseId, state };
  });
}
