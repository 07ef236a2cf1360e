// What the review message of one report version in the triage thread shows, read in one place so every update of
// it (saved, approved, changes asked, delivered, superseded) renders the same way.
import { reportVersionForReviewMessage, reportVersionsOf, setReviewMessage } from "../db/cases/reports.ts";
import { caseNumber } from "../domain/case.ts";
import { parseReportContent, type ReportVersionState } from "../domain/report.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ReportReviewView {
  versionId: number;
  caseId: number;
  number: string;
  subject: string;
  version: number;
  author: string;
  state: ReportVersionState;
  reviewedBy: string | null;
  reviewComment: string | null;
  /** Set once the upload to the customer is recorded. */
  deliveredEdition: number | null;
  deliveredBy: string | null;
  newest: boolean;
  triageTs: string | null;
  reviewTs: string | null;
}

export async function loadReportReviewView(deps: Pick<ServiceDeps, "db">, versionId: number): Promise<ReportReviewView | null> {
  const v = await reportVersionForReviewMessage(deps.db.client, versionId);
  if (!v) return null;
  const c = v.report.case;
  const versions = await reportVersionsOf(deps.db.client, c.id);
  const delivered = v.fileId !== null && v.edition !== null;
  return {
    versionId: v.id, caseId: c.id, number: caseNumber(c.id), subject: parseReportContent(v.content)?.sections.subject ?? c.title,
    version: v.number, author: v.savedBy, state: v.state, reviewedBy: v.reviewedBy, reviewComment: v.reviewComment,
    deliveredEdition: delivered ? v.edition : null, deliveredBy: delivered ? v.deliveredBy : null,
    newest: versions.at(-1)?.id === v.id, triageTs: c.triageTs, reviewTs: v.reviewTs,
  };
}

/** Remembers where the review message was posted, so later decisions update it in place. */
export async function recordReviewMessage(deps: Pick<ServiceDeps, "db">, versionId: number, ts: string): Promise<void> {
  await setReviewMessage(deps.db.client, versionId, ts);
}
