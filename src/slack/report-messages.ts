// The report's messages outside modals: the review message of a version in the case's triage thread (posted once,
// then updated in place as the version is decided), and the delivery of an approved version to the customer's
// case thread as a PDF file. Both run after the click was acknowledged.
import type { WebClient } from "@slack/web-api";
import { reportFileName } from "../domain/report.ts";
import { renderReportPdf } from "../report/pdf.ts";
import type { SlackDeps } from "./deps.ts";
import { t, translator, type Translate } from "./i18n/index.ts";
import { reportLabels } from "./views/report-labels.ts";
import { reportReviewMessage } from "./views/report-review-message.ts";

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Posts a version's review message in the triage thread, or updates it where it was posted. */
export async function showReviewMessage(deps: SlackDeps, client: WebClient, versionId: number): Promise<void> {
  const view = await deps.services.loadReportReviewView(versionId);
  if (!view || !deps.triageChannel) return;
  const message = reportReviewMessage(view, translator(deps.config.defaultLocale));
  try {
    if (view.reviewTs) {
      await client.chat.update({ channel: deps.triageChannel, ts: view.reviewTs, ...message });
      return;
    }
    const posted = await client.chat.postMessage({ channel: deps.triageChannel, ...(view.triageTs ? { thread_ts: view.triageTs } : {}), ...message });
    if (posted.ts) await deps.services.recordReviewMessage(versionId, posted.ts);
  } catch (error) {
    deps.logger.warn("report review message not shown", { versionId, error: errorText(error) });
  }
}

export type DeliveryOutcome = { ok: true; edition: number } | { ok: false; reason: "not_deliverable" | "unknown" | "upload_failed" };

/**
 * Renders the approved version in the customer channel's language and uploads it to the case thread with a
 * covering note; the delivery is recorded only once Slack holds the file.
 */
export async function deliverReportToCustomer(deps: SlackDeps, client: WebClient, versionId: number, actorId: string): Promise<DeliveryOutcome> {
  const claim = await deps.services.claimReportDelivery({ versionId, actorId });
  if (!claim.ok) return claim;
  const { rendering, edition } = claim;
  const tr: Translate = translator(rendering.locale);
  try {
    const pdf = await renderReportPdf({ ...rendering, edition, contact: deps.config.contact, labels: reportLabels(rendering.locale) });
    const number = rendering.content.header.caseNumber;
    const comment = edition > 1 && rendering.changeNote
      ? tr("report.delivered.reissue", { number, edition, note: rendering.changeNote })
      : tr("report.delivered.comment", { number, edition });
    const file = {
      file: pdf, filename: reportFileName(number, edition), initial_comment: comment,
      title: `${t(rendering.locale, "report.pdf.title")} ${number} ${t(rendering.locale, "report.pdf.edition", { edition })}`,
    };
    // In the case's thread, where the customer reads the answers; in the channel if the root was never posted.
    const uploaded = await client.filesUploadV2(claim.rootTs
      ? { ...file, channel_id: claim.channelId, thread_ts: claim.rootTs }
      : { ...file, channel_id: claim.channelId });
    const fileId = fileIdOf(uploaded);
    if (!fileId) throw new Error("files.completeUploadExternal returned no file");
    await deps.services.recordReportDelivered({ versionId, actorId, fileId });
    deps.logger.info("report delivered", { caseId: rendering.caseId, version: rendering.version, edition, bytes: pdf.length });
    return { ok: true, edition };
  } catch (error) {
    deps.logger.error("report delivery failed", { caseId: rendering.caseId, versionId, error: errorText(error) });
    await deps.services.releaseReportDelivery({ versionId });
    return { ok: false, reason: "upload_failed" };
  }
}

/** filesUploadV2 answers with one completeUploadExternal result per file; the id of the first file is ours. */
function fileIdOf(result: unknown): string | null {
  const files = (result as { files?: { files?: { id?: unknown }[] }[] } | null)?.files;
  const id = files?.[0]?.files?.[0]?.id;
  return typeof id === "string" ? id : null;
}
