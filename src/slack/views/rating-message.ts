// The satisfaction question in a closed case's thread, and what it becomes once answered. Pure: data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import type { Translate } from "../i18n/index.ts";
import { InsightIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { mrkdwn, plain } from "./text.ts";

export function stars(score: number): string {
  return "★".repeat(score) + "☆".repeat(5 - score);
}

export function ratingRequest(number: string, caseId: number, t: Translate): SlackMessage {
  const text = t("rating.ask", { number });
  return {
    text,
    blocks: [
      { type: "section", block_id: "case_rating_question", text: mrkdwn(text) },
      {
        type: "actions", block_id: "case_rating",
        elements: InsightIds.actions.rateScores.map((actionId, i) => ({
          type: "button" as const, action_id: actionId, text: plain(`${stars(i + 1)} ${i + 1}`, 75), value: String(caseId),
        })),
      },
    ],
  };
}

export function ratingDone(number: string, caseId: number, rating: { score: number; comment: string | null }, t: Translate): SlackMessage {
  const text = t("rating.thanks", { number, stars: stars(rating.score), score: rating.score });
  const blocks: KnownBlock[] = [{ type: "section", block_id: "case_rating_question", text: mrkdwn(text) }];
  if (rating.comment === null) {
    blocks.push({ type: "actions", block_id: "case_rating", elements: [{ type: "button", action_id: InsightIds.actions.rateComment, text: plain(t("rating.comment_button"), 75), value: String(caseId) }] });
  } else {
    blocks.push({ type: "context", elements: [mrkdwn(t("rating.commented"))] });
  }
  return { text, blocks };
}

export function ratingCommentModal(caseId: number, channelId: string, t: Translate): ModalView {
  return {
    type: "modal", callback_id: InsightIds.views.rateComment, private_metadata: JSON.stringify({ caseId, channelId }),
    title: plain(t("rating.modal.title"), 24), submit: plain(t("rating.modal.submit"), 24), close: plain(t("rating.modal.close"), 24),
    blocks: [{
      type: "input", block_id: InsightIds.inputs.commentBlock, label: plain(t("rating.modal.label"), 2000),
      element: { type: "plain_text_input", action_id: InsightIds.inputs.comment, multiline: true, max_length: 1000 },
    }],
  };
}

export function parseRatingMetadata(raw: unknown): { caseId: number; channelId: string } | null {
  if (typeof raw !== "string") return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return null;
    const { caseId, channelId } = v as { caseId?: unknown; channelId?: unknown };
    return Number.isSafeInteger(caseId) && typeof channelId === "string" ? { caseId: caseId as number, channelId } : null;
  } catch {
    return null;
  }
}
