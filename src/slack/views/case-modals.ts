// The modals of engineers' actions on a case, opened from the case menu. Each says what will happen to the
// case's incidents before it is submitted. Pure: case data in, Block Kit out.
import type { KnownBlock, ModalView, PlainTextInput } from "@slack/types";
import { levelACost, lowerCost } from "../../domain/proposal.ts";
import type { CaseView } from "../../services/case-view.ts";
import { NOTE_MAX } from "../../services/cancel-case.ts";
import type { Translate } from "../i18n/index.ts";
import { Inputs, Views } from "../ids.ts";
import { clip, mrkdwn, plain } from "./text.ts";

type CaseModalId = (typeof Views)["assign" | "levelA" | "split" | "expectedDate" | "cancelDefect" | "declineScope" | "lowerLevel"];

export function parseCaseModalMetadata(raw: string): number | null {
  try {
    const value: unknown = JSON.parse(raw);
    const id = typeof value === "object" && value !== null ? (value as { caseId?: unknown }).caseId : undefined;
    return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/** Every engineer's modal closes with 「戻る」; one that ends a case or lowers its count names the act on its submit. */
function modal(callbackId: CaseModalId, title: string, view: CaseView, blocks: KnownBlock[], t: Translate, submit = t("modal.eng.submit")): ModalView {
  const summary = t("modal.eng.summary", { number: view.number, title: clip(view.title, 150), customer: view.customerName, incidents: view.incidents });
  return {
    type: "modal",
    callback_id: callbackId,
    title: plain(title, 24),
    submit: plain(submit, 24),
    close: plain(t("confirm.back"), 24),
    private_metadata: JSON.stringify({ caseId: view.id }),
    blocks: [{ type: "section", text: mrkdwn(summary) }, ...blocks],
  };
}

function textInput(input: { block: string; action: string }, label: string, options: { optional?: boolean; multiline?: boolean; max?: number; hint?: string; placeholder?: string; initial?: string } = {}): KnownBlock {
  const element: PlainTextInput = {
    type: "plain_text_input", action_id: input.action, multiline: options.multiline ?? true, max_length: options.max ?? NOTE_MAX,
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    ...(options.initial ? { initial_value: options.initial } : {}),
  };
  return {
    type: "input", block_id: input.block, label: plain(label, 2000), optional: options.optional ?? false, element,
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
  };
}

export function assignModal(view: CaseView, t: Translate): ModalView {
  return modal(Views.assign, t("modal.assign.title"), view, [{
    type: "input", block_id: Inputs.assignee.block, label: plain(t("modal.assign.label"), 2000),
    element: { type: "users_select", action_id: Inputs.assignee.action, ...(view.assigneeId ? { initial_user: view.assigneeId } : {}) },
  }], t);
}

export function levelAModal(view: CaseView, t: Translate): ModalView {
  const cost = levelACost(view);
  const after = cost === "already_level_a" ? view.incidents : cost.after;
  const option = (reason: "reproduction" | "report") => ({ text: plain(t(`reason.${reason}`), 75), value: reason });
  return modal(Views.levelA, t("modal.level_a.title"), view, [
    {
      type: "input", block_id: Inputs.levelReason.block, label: plain(t("modal.level_a.kind"), 2000),
      element: { type: "radio_buttons", action_id: Inputs.levelReason.action, initial_option: option("reproduction"), options: [option("reproduction"), option("report")] },
    },
    textInput(Inputs.reason, t("modal.level_a.reason"), { placeholder: t("modal.level_a.reason_hint") }),
    { type: "context", elements: [mrkdwn(t("modal.level_a.cost", { before: view.incidents, after, available: view.available }))] },
  ], t);
}

export function splitModal(view: CaseView, t: Translate): ModalView {
  return modal(Views.split, t("modal.split.title"), view, [
    textInput(Inputs.parts, t("modal.split.parts"), { max: 3000, hint: t("modal.split.parts_hint"), initial: `${clip(view.title, 150)}\n` }),
    textInput(Inputs.reason, t("modal.split.reason")),
    { type: "context", elements: [mrkdwn(t("modal.split.cost", { before: view.incidents, available: view.available }))] },
  ], t);
}

export function expectedDateModal(view: CaseView, t: Translate): ModalView {
  return modal(Views.expectedDate, t("modal.expected.title"), view, [{
    type: "input", block_id: Inputs.date.block, label: plain(t("modal.expected.label"), 2000), hint: plain(t("modal.expected.hint"), 2000),
    element: { type: "datepicker", action_id: Inputs.date.action, ...(view.expectedAnswerOn ? { initial_date: view.expectedAnswerOn } : {}) },
  }], t);
}

export function cancelDefectModal(view: CaseView, t: Translate): ModalView {
  return modal(Views.cancelDefect, t("modal.cancel_defect.title"), view, [
    { type: "section", text: mrkdwn(t("modal.cancel_defect.body", { incidents: view.incidents })) },
    textInput(Inputs.reason, t("modal.cancel_defect.note"), { optional: true }),
  ], t, t("modal.cancel_defect.submit"));
}

export function declineScopeModal(view: CaseView, t: Translate): ModalView {
  return modal(Views.declineScope, t("modal.decline.title"), view, [
    { type: "section", text: mrkdwn(t("modal.decline.body", { incidents: view.incidents })) },
    textInput(Inputs.reason, t("modal.decline.reason")),
  ], t, t("modal.decline.submit"));
}

export function lowerLevelModal(view: CaseView, t: Translate): ModalView {
  const cost = lowerCost(view);
  const after = cost === "not_level_a" ? view.incidents : cost.after;
  return modal(Views.lowerLevel, t("modal.lower.title"), view, [
    { type: "section", text: mrkdwn(t("modal.lower.body", { before: view.incidents, after })) },
    textInput(Inputs.reason, t("modal.lower.note"), { optional: true }),
  ], t, t("modal.lower.submit"));
}
