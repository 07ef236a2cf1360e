// A report version's message in the case's triage thread: who wrote it, where its review stands, and the one next
// step it allows (approve or ask for changes, send to the customer, write a corrected edition). Pure.
import type { Button, KnownBlock } from "@slack/types";
import type { ReportReviewView } from "../../services/report-review-view.ts";
import type { Translate } from "../i18n/index.ts";
import { ReportIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, mrkdwn, plain } from "./text.ts";

export function reportReviewMessage(view: ReportReviewView, t: Translate): SlackMessage {
  const value = String(view.versionId);
  const button = (action: string, key: Parameters<Translate>[0], style?: "primary" | "danger"): Button => ({
    type: "button", action_id: action, text: plain(t(key), 75), value, ...(style ? { style } : {}),
  });
  const status: string[] = [];
  if (view.reviewedBy && view.state === "changes_requested") status.push(t("report.review.changes_requested", { reviewer: view.reviewedBy, comment: view.reviewComment ?? "" }));
  if (view.reviewedBy && view.state === "approved") status.push(t("report.review.approved", { reviewer: view.reviewedBy }));
  if (view.deliveredEdition !== null && view.deliveredBy) status.push(t("report.review.delivered", { edition: view.deliveredEdition, by: view.deliveredBy }));
  if (!view.newest || view.state === "superseded") status.push(t("report.review.superseded"));
  const blocks: KnownBlock[] = [
    { type: "section", block_id: `${ReportIds.reviewHeadBlock}:${view.versionId}`, text: mrkdwn(t("report.review.header", { number: view.number, version: view.version, title: clip(view.subject, 150) })) },
    { type: "context", elements: [mrkdwn(t("report.review.author", { author: view.author, version: view.version }))] },
  ];
  if (status.length > 0) blocks.push({ type: "section", text: mrkdwn(status.join("\n")) });
  const buttons: Button[] = [];
  if (view.newest && view.state === "in_review") {
    buttons.push(button(ReportIds.actions.approve, "report.review.approve", "primary"), button(ReportIds.actions.requestChanges, "report.review.changes"));
  } else if (view.newest && view.state === "approved" && view.deliveredEdition === null) {
    buttons.push(button(ReportIds.actions.deliver, "report.review.deliver", "primary"));
  } else if (view.newest && view.deliveredEdition !== null) {
    buttons.push(button(ReportIds.actions.reissue, "report.review.reissue"));
  }
  if (buttons.length > 0) blocks.push({ type: "actions", block_id: `${ReportIds.reviewBlock}:${view.versionId}`, elements: buttons });
  return { text: t("report.review.text", { number: view.number, version: view.version, author: view.author }), blocks };
}
