// A proposal to raise a case's incidents, in the case's thread (R-INC-5): what and why, what it costs, and the
// customer's buttons while it awaits their answer; once answered, who answered instead of the buttons. Pure.
import type { KnownBlock } from "@slack/types";
import type { ProposalView } from "../../services/proposal-view.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/** Button values: "<proposalId>:<caseId>", so the case-action edge finds the case like any other control. */
export function proposalButtonValue(proposalId: number, caseId: number): string {
  return `${proposalId}:${caseId}`;
}

export function proposalIdOf(value: string | undefined): number | null {
  const id = Number(value?.split(":")[0]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** People named in a sentence, as each language addresses a customer's people. */
export function namedPeople(userIds: readonly string[], locale: "ja" | "en"): string {
  return locale === "en" ? userIds.map((u) => `<@${u}>`).join(", ") : userIds.map((u) => `<@${u}> 様`).join("、");
}

export function proposalMessage(view: ProposalView, t: Translate): SlackMessage {
  const extra = view.after - view.before;
  const headline = view.kind.kind === "level_a"
    ? t("proposal.level_a", { user: view.proposedBy, reason: t(`reason.${view.kind.levelReason}`) })
    : t("proposal.split", { user: view.proposedBy, n: view.parts.length });
  const lines = [headline, t("proposal.reason", { reason: clip(view.reason, 1500) })];
  if (view.kind.kind === "split") {
    lines.push(t("proposal.parts"));
    view.parts.forEach((title, i) => lines.push(`${i + 1}. ${escapeMrkdwn(clip(title, 150))}${i === 0 ? t("proposal.part_this") : ""}`));
  }
  lines.push(t("proposal.cost", { before: view.before, after: view.after, extra, available: view.available }));
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(lines.join("\n")) }];
  if (view.state === "pending") {
    const value = proposalButtonValue(view.id, view.caseId);
    blocks.push(
      { type: "context", elements: [mrkdwn(view.approvers.length ? t("proposal.ask_named", { users: namedPeople(view.approvers, view.locale) }) : t("proposal.ask"))] },
      {
        type: "actions",
        block_id: `proposal:${view.id}`,
        elements: [
          {
            type: "button", action_id: Actions.approveProposal, text: plain(t("proposal.approve"), 75), value, style: "primary",
            confirm: {
              title: plain(t("proposal.confirm_title"), 100),
              text: plain(t("proposal.confirm_text", { extra }), 300),
              confirm: plain(t("proposal.approve"), 30),
              deny: plain(t("proposal.confirm_back"), 30),
            },
          },
          { type: "button", action_id: Actions.declineProposal, text: plain(t("proposal.decline"), 75), value },
        ],
      },
    );
  } else {
    const state = view.state === "approved" ? t("proposal.state.approved", { user: view.decidedBy ?? "" })
      : view.state === "declined" ? t("proposal.state.declined", { user: view.decidedBy ?? "" })
      : t("proposal.state.withdrawn");
    blocks.push({ type: "context", elements: [mrkdwn(state)] });
  }
  return { text: t("proposal.fallback", { number: view.number }), blocks };
}
