// The engineers' controls on a case: take, resolve and the menu of everything else. They are shown only where
// T4U's people are (the triage announcement, the staff menu opened by the 「案件を操作」 shortcut), never in the
// customer's channel, where every customer would see a button that only refuses them. Acts that cannot be undone
// ask first, saying what happens to the incidents.
import type { ActionsBlock, Button, ConfirmationDialog, StaticSelect } from "@slack/types";
import type { CaseView } from "../../services/case-view.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, ReportIds } from "../ids.ts";
import { mrkdwn, plain } from "./text.ts";

/** A Block Kit confirmation whose buttons cannot be misread: the act named on one side, 「戻る」 on the other. */
export function confirmation(title: string, text: string, confirm: string, t: Translate, style: "primary" | "danger" = "danger"): ConfirmationDialog {
  return { title: plain(title, 100), text: mrkdwn(text, 300), confirm: plain(confirm, 30), deny: plain(t("confirm.back"), 30), style };
}

export function resolveButton(view: CaseView, t: Translate): Button {
  return {
    type: "button", action_id: Actions.resolve, text: plain(t("case.resolve"), 75), value: String(view.id), style: "primary",
    // Resolving consumes the incidents and the case can never be reopened (R-LIFE-3).
    confirm: confirmation(t("confirm.resolve.title"), t("confirm.resolve.text", { number: view.number, incidents: view.incidents }), t("confirm.resolve.ok"), t, "primary"),
  };
}

export function takeButton(view: CaseView, t: Translate): Button {
  return { type: "button", action_id: Actions.take, text: plain(t("case.take"), 75), value: String(view.id) };
}

/** The engineers' menu of a case. Option values are "<action>:<caseId>". */
export function caseMenu(view: CaseView, t: Translate): StaticSelect {
  const option = (key: Parameters<Translate>[0], action: string) => ({ text: plain(t(key), 75), value: `${action}:${view.id}` });
  return {
    // A select rather than an overflow menu: overflow menus take at most five options. The options that end a case
    // or lower its count open a modal that says what happens and is confirmed with 「…を確定」 / 「戻る」.
    type: "static_select",
    action_id: Actions.caseMenu,
    placeholder: plain(t("case.more"), 150),
    options: [
      option("case.menu.assign", Actions.assign),
      // Raising needs the customer's approval; lowering a level A case does not (R-INC-5).
      view.level === "A" ? option("case.menu.lower_level", Actions.lowerLevel) : option("case.menu.level_a", Actions.proposeLevelA),
      option("case.menu.split", Actions.proposeSplit),
      option("case.menu.expected", Actions.setExpectedDate),
      option("case.menu.cancel_defect", Actions.cancelDefect),
      option("case.menu.decline", Actions.declineScope),
      // The formal report exists only for level A cases (R-INC-2).
      ...(view.level === "A" ? [option("case.menu.report", ReportIds.actions.draft)] : []),
    ],
  };
}

/** Take (while nobody has), resolve, and the menu: one row, the same wherever staff see a case. */
export function staffActions(view: CaseView, t: Translate, blockId: string): ActionsBlock {
  return {
    type: "actions", block_id: blockId,
    elements: [...(view.assigneeId ? [] : [takeButton(view, t)]), resolveButton(view, t), caseMenu(view, t)],
  };
}
