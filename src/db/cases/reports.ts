// Reads and writes of a case's formal report: its versions in order, which editions went to the customer, saving a
// version, the review and the delivery claims.
import type { Db, Tx } from "../client.ts";

export async function reportVersionsOf(client: Db | Tx, caseId: number) {
  return client.reportVersion.findMany({ where: { report: { caseId } }, orderBy: { number: "asc" } });
}

export type StoredReportVersion = Awaited<ReturnType<typeof reportVersionsOf>>[number];

/** Editions delivered to the customer (a version claimed for delivery but not yet uploaded has no file yet). */
export function deliveredEditions(versions: readonly StoredReportVersion[]): number[] {
  return versions.filter((v) => v.edition !== null && v.fileId !== null).map((v) => v.edition!);
}

/** The case a report version belongs to, or null for no such version. */
export async function caseIdOfReportVersion(db: Db | Tx, versionId: number): Promise<number | null> {
  const found = await db.reportVersion.findUnique({ where: { id: versionId }, select: { report: { select: { caseId: true } } } });
  return found?.report.caseId ?? null;
}

/** A version with its report and case, as a reviewer's decision needs it. */
export function reportVersionWithCase(db: Db | Tx, versionId: number) {
  return db.reportVersion.findUnique({ where: { id: versionId }, include: { report: { include: { case: true } } } });
}

/** A version as its delivery needs it: all of it (its rendering prints it), and where its case's thread is. */
export function reportVersionToDeliver(tx: Tx, versionId: number) {
  return tx.reportVersion.findUnique({
    where: { id: versionId }, include: { report: { select: { case: { select: { id: true, channelId: true, rootTs: true } } } } },
  });
}

/** A version as its review message in the triage thread shows it. */
export function reportVersionForReviewMessage(db: Db | Tx, versionId: number) {
  return db.reportVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true, number: true, content: true, savedBy: true, state: true, reviewedBy: true, reviewComment: true, reviewTs: true,
      edition: true, deliveredBy: true, fileId: true, report: { select: { case: { select: { id: true, title: true, triageTs: true } } } },
    },
  });
}

/** The version of a case's report with this number, if any. */
export function reportVersionNumbered(db: Db | Tx, caseId: number, number: number) {
  return db.reportVersion.findFirst({ where: { report: { caseId }, number } });
}

/** The version a submission saved, found again by its idempotency key. */
export function reportVersionSavedAs(tx: Tx, requestKey: string) {
  return tx.reportVersion.findUnique({ where: { requestKey }, select: { id: true, number: true, state: true } });
}

/** The case's report, made on its first save; returns its id. */
export async function reportOfCase(tx: Tx, caseId: number, first: { createdBy: string; at: Date }): Promise<number> {
  const report = await tx.report.upsert({
    where: { caseId }, create: { caseId, createdBy: first.createdBy, createdAt: first.at }, update: {}, select: { id: true },
  });
  return report.id;
}

/** Every version of the report not yet delivered is superseded (a newer version is being saved). */
export async function supersedeUndeliveredVersions(tx: Tx, reportId: number): Promise<void> {
  await tx.reportVersion.updateMany({
    where: { reportId, edition: null, state: { in: ["draft", "in_review", "changes_requested", "approved"] } },
    data: { state: "superseded" },
  });
}

export interface NewReportVersion {
  reportId: number;
  number: number;
  content: string;
  locale: "ja" | "en";
  changeNote: string | null;
  savedBy: string;
  savedAt: Date;
  requestKey: string;
  state: "draft" | "in_review";
}

/** Records a saved version; returns its id. */
export async function recordReportVersion(tx: Tx, v: NewReportVersion): Promise<number> {
  const created = await tx.reportVersion.create({ data: v, select: { id: true } });
  return created.id;
}

/** A version as a reviewer's decision needs it: who saved it, its state, and its case. */
export function reportVersionToReview(tx: Tx, versionId: number) {
  return tx.reportVersion.findUnique({
    where: { id: versionId }, select: { id: true, number: true, savedBy: true, state: true, report: { select: { caseId: true } } },
  });
}

/**
 * Claims the review: the version is decided only while it is in review, so of two reviewers clicking at once one
 * decides. Returns whether this one did.
 */
export async function markReportVersionReviewed(
  tx: Tx, versionId: number, review: { state: "approved" | "changes_requested"; reviewedBy: string; at: Date; comment: string | null },
): Promise<boolean> {
  const { count } = await tx.reportVersion.updateMany({
    where: { id: versionId, state: "in_review" },
    data: { state: review.state, reviewedBy: review.reviewedBy, reviewedAt: review.at, reviewComment: review.comment },
  });
  return count > 0;
}

/** The state of a version that is known to exist. */
export async function reportVersionState(tx: Tx, versionId: number) {
  const found = await tx.reportVersion.findUniqueOrThrow({ where: { id: versionId }, select: { state: true } });
  return found.state;
}

/**
 * Claims a delivery: the approved version, not yet sent, takes the edition number, so a double click or two
 * engineers at once send it once. Returns whether this claim did.
 */
export async function claimReportEdition(tx: Tx, versionId: number, claim: { edition: number; deliveredBy: string; at: Date }): Promise<boolean> {
  const { count } = await tx.reportVersion.updateMany({
    where: { id: versionId, state: "approved", edition: null },
    data: { edition: claim.edition, deliveredBy: claim.deliveredBy, deliveredAt: claim.at },
  });
  return count > 0;
}

/** The upload is done: the version keeps the file Slack holds. Returns what the case's history records of it. */
export async function recordReportFile(tx: Tx, versionId: number, fileId: string) {
  return tx.reportVersion.update({
    where: { id: versionId }, data: { fileId }, select: { number: true, edition: true, report: { select: { caseId: true } } },
  });
}

/** The upload failed: the claim is given back, unless a file was recorded meanwhile. */
export async function giveBackReportEdition(db: Db | Tx, versionId: number): Promise<void> {
  await db.reportVersion.updateMany({ where: { id: versionId, fileId: null }, data: { edition: null, deliveredBy: null, deliveredAt: null } });
}

/** Where the review message of a version was posted. */
export async function setReviewMessage(db: Db | Tx, versionId: number, ts: string): Promise<void> {
  await db.reportVersion.update({ where: { id: versionId }, data: { reviewTs: ts }, select: { id: true } });
}
