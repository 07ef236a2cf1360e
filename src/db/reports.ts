// Reads of a case's formal report: its versions in order, and which editions went to the customer.
import type { Db, Tx } from "./client.ts";

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

/** The version of a case's report with this number, if any. */
export function reportVersionNumbered(db: Db | Tx, caseId: number, number: number) {
  return db.reportVersion.findFirst({ where: { report: { caseId }, number } });
}
