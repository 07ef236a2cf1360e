// The staff menu of one case, opened by the 「案件を操作」 message shortcut on the case's message in the customer's
// channel: the same controls as the triage announcement, in a modal only the engineer sees.
import type { KnownBlock, ModalView } from "@slack/types";
import { isActive } from "../../domain/case.ts";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import { Views } from "../ids.ts";
import { incidentsLine, levelLine } from "./case-message.ts";
import { staffActions } from "./case-controls.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export interface StaffMenuMetadata { caseId: number; channelId: string }

export function staffMenuModal(view: CaseView, t: Translate): ModalView {
  const metadata: StaffMenuMetadata = { caseId: view.id, channelId: view.channelId };
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(view.number)} ${escapeMrkdwn(clip(view.title, 200))}*\n${escapeMrkdwn(clip(view.customerName, 200))}`) },
    {
      type: "section",
      fields: [
        mrkdwn(`*${t("case.status")}*\n${t(`state.${view.state}`)}`),
        mrkdwn(`*${t("case.level")}*\n${levelLine(view, t)}`),
        mrkdwn(`*${t("case.incidents")}*\n${incidentsLine(view, t)}`),
        mrkdwn(`*${t("case.assignee")}*\n${view.assigneeId ? `<@${view.assigneeId}>` : t("case.unassigned")}`),
      ],
    },
    isActive(view.state)
      ? staffActions(view, t, `staff_menu:${view.id}`)
      : { type: "context", elements: [mrkdwn(t("staff.ended", { number: view.number }))] },
  ];
  return {
    type: "modal", callback_id: Views.staffMenu, title: plain(t("staff.title"), 24), close: plain(t("staff.close"), 24),
    private_metadata: JSON.stringify(metadata), blocks,
  };
}

/** The case and channel of a staff menu, from its private metadata; null when it is not one. */
export function parseStaffMenuMetadata(raw: unknown): StaffMenuMetadata | null {
  if (typeof raw !== "string") return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { caseId, channelId } = value as { caseId?: unknown; channelId?: unknown };
    return typeof caseId === "number" && Number.isSafeInteger(caseId) && caseId > 0 && typeof channelId === "string" ? { caseId, channelId } : null;
  } catch {
    return null;
  }
}
