// 「お客様へ送付」: the newest version, once approved, goes to the customer as the next edition (第1版, then 第2版 …).
// Delivery is claimed first (a conditional update, so a double click or two engineers at once send it once),
// then the adapter uploads the PDF, then the upload is recorded with a case event — or, if the upload failed, the
// claim is given back so it can be tried again and nothing says it was delivered.
import { recordCaseEvent } from "../db/cases/changes.ts";
import {
  claimReportEdition, deliveredEditions, giveBackReportEdition, recordReportFile, reportVersionsOf, reportVersionToDeliver,
} from "../db/cases/reports.ts";
import { isUniqueViolation } from "../db/client.ts";
import { nextEdition } from "../domain/report.ts";
import type { ServiceDeps } from "./deps.ts";
import { renderingOf, type ReportRendering } from "./report-document.ts";

export type ClaimReportDeliveryResult =
  | { ok: true; rendering: ReportRendering; channelId: string; rootTs: string | null; edition: number }
  | { ok: false; reason: "unknown" | "not_deliverable" };

export async function claimReportDelivery(deps: ServiceDeps, input: { versionId: number; actorId: string }): Promise<ClaimReportDeliveryResult> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx): Promise<ClaimReportDeliveryResult> => {
      const version = await reportVersionToDeliver(tx, input.versionId);
      if (!version) return { ok: false, reason: "unknown" };
      const c = version.report.case;
      const versions = await reportVersionsOf(tx, c.id);
      const newest = versions.at(-1)?.id === version.id;
      if (!newest || version.state !== "approved" || version.edition !== null) return { ok: false, reason: "not_deliverable" };
      const edition = nextEdition(versions.flatMap((v) => (v.edition !== null ? [v.edition] : [])));
      if (!(await claimReportEdition(tx, version.id, { edition, deliveredBy: input.actorId, at: now }))) return { ok: false, reason: "not_deliverable" };
      const claimed = { ...version, edition, deliveredBy: input.actorId, deliveredAt: now };
      const rendering = renderingOf(deps, c.id, claimed);
      if (!rendering) return { ok: false, reason: "unknown" };
      return { ok: true, rendering, channelId: c.channelId, rootTs: c.rootTs, edition };
    });
  } catch (error) {
    // Another delivery of the same report took this edition number a moment earlier.
    if (isUniqueViolation(error)) return { ok: false, reason: "not_deliverable" };
    throw error;
  }
}

/** The upload is done: the version is delivered, and the case's history says so. */
export async function recordReportDelivered(deps: ServiceDeps, input: { versionId: number; actorId: string; fileId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const version = await recordReportFile(tx, input.versionId, input.fileId);
    await recordCaseEvent(tx, {
      caseId: version.report.caseId, kind: "report_delivered", actorId: input.actorId, at: now,
      data: { version: version.number, edition: version.edition, fileId: input.fileId },
    });
  });
}

/** The upload failed: the claim is given back, so the same version can be sent again as the same edition. */
export async function releaseReportDelivery(deps: ServiceDeps, input: { versionId: number }): Promise<void> {
  await giveBackReportEdition(deps.db.client, input.versionId);
}

/** Whether a case has had a report delivered to the customer (resolving a report case without one asks first). */
export async function hasDeliveredReport(deps: Pick<ServiceDeps, "db">, caseId: number): Promise<boolean> {
  return deliveredEditions(await reportVersionsOf(deps.db.client, caseId)).length > 0;
}
