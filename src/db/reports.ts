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
