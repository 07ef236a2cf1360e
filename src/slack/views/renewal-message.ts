// The renewal question with the customer's three answers (R-CON-4), the exhausted-balance notice with its button
// to apply for more, and the application modal (the registration form, 登録用紙). Pure: data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { MAX_INCIDENTS } from "../../domain/contract.ts";
import { COMPANY_MAX, EMAIL_MAX, PERSON_MAX, REQUEST_NOTE_MAX, type RenewalAnswer, type RequestKind } from "../../domain/renewal.ts";
import type { RenewalParams } from "../../services/outbox-payload.ts";
import type { Translate } from "../i18n/index.ts";
import { RenewalIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { mrkdwn, plain } from "./text.ts";

export interface RenewalState { contractId: number; params: RenewalParams; answer: RenewalAnswer | null; answeredBy: string | null; answeredOn: string | null }

const ANSWER_BUTTONS = [
  [RenewalIds.actions.answerContinue, "continue", "renewal.button.continue"],
  [RenewalIds.actions.answerConsidering, "considering", "renewal.button.considering"],
  [RenewalIds.actions.answerDecline, "decline", "renewal.button.decline"],
] as const;

export function renewalQuestion(s: RenewalState, t: Translate): SlackMessage {
  const text = t("notice.renewal_due", s.params);
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(text) }];
  if (s.answer && s.answeredBy) {
    blocks.push({ type: "context", elements: [mrkdwn(t("renewal.current", { answer: s.answer, user: s.answeredBy, date: s.answeredOn ?? "" }))] });
  }
  // The buttons stay after an answer: a customer who changes their mind clicks another one.
  blocks.push({
    type: "actions", block_id: RenewalIds.answerBlock,
    elements: ANSWER_BUTTONS.map(([actionId, answer, label]) => ({
      type: "button" as const, action_id: actionId, text: plain(t(label), 75), value: String(s.contractId),
      ...(s.answer === answer || (!s.answer && answer === "continue") ? { style: "primary" as const } : {}),
    })),
  });
  return { text, blocks };
}

export function purchaseNotice(contractId: number, text: string, t: Translate): SlackMessage {
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(text) },
      { type: "actions", block_id: RenewalIds.requestBlock, elements: [{ type: "button", action_id: RenewalIds.actions.applyAddition, text: plain(t("purchase.button.apply"), 75), value: String(contractId), style: "primary" }] },
    ],
  };
}

export interface ApplicationMetadata { requestKey: string; channelId: string; contractId: number; kind: RequestKind }

export function parseApplicationMetadata(raw: string): ApplicationMetadata | null {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return null;
    const m = v as Record<string, unknown>;
    if (typeof m.requestKey !== "string" || m.requestKey.length < 8 || typeof m.channelId !== "string") return null;
    if (typeof m.contractId !== "number" || !Number.isSafeInteger(m.contractId) || m.contractId <= 0) return null;
    if (m.kind !== "renewal" && m.kind !== "addition") return null;
    return { requestKey: m.requestKey, channelId: m.channelId, contractId: m.contractId, kind: m.kind };
  } catch {
    return null;
  }
}

export interface ApplicationForm extends ApplicationMetadata { customerName: string; endsOn: string; suggested: number; startsOn: string | null }

function text(input: { block: string; action: string }, label: string, o: { max: number; optional?: boolean; initial?: string; multiline?: boolean }): KnownBlock {
  return {
    type: "input", block_id: input.block, optional: o.optional ?? false, label: plain(label, 2000),
    element: {
      type: "plain_text_input", action_id: input.action, max_length: o.max,
      ...(o.initial ? { initial_value: o.initial.slice(0, o.max) } : {}), ...(o.multiline ? { multiline: true } : {}),
    },
  };
}

export function applicationModal(f: ApplicationForm, t: Translate): ModalView {
  const I = RenewalIds.inputs;
  const metadata: ApplicationMetadata = { requestKey: f.requestKey, channelId: f.channelId, contractId: f.contractId, kind: f.kind };
  return {
    type: "modal", callback_id: RenewalIds.views.application, private_metadata: JSON.stringify(metadata),
    title: plain(t(f.kind === "renewal" ? "apply.title.renewal" : "apply.title.addition"), 24),
    submit: plain(t("apply.submit"), 24), close: plain(t("modal.cancel"), 24),
    blocks: [
      { type: "section", text: mrkdwn(t(f.kind === "renewal" ? "apply.intro.renewal" : "apply.intro.addition", { customer: f.customerName, endsOn: f.endsOn })) },
      text(I.company, t("apply.field.company"), { max: COMPANY_MAX, initial: f.customerName }),
      text(I.person, t("apply.field.person"), { max: PERSON_MAX }),
      text(I.email, t("apply.field.email"), { max: EMAIL_MAX }),
      {
        type: "input", block_id: I.incidents.block, label: plain(t("apply.field.incidents"), 2000), hint: plain(t("apply.field.incidents_hint", { n: f.suggested }), 2000),
        element: { type: "number_input", action_id: I.incidents.action, is_decimal_allowed: false, min_value: "1", max_value: String(MAX_INCIDENTS), initial_value: String(f.suggested) },
      },
      {
        type: "input", block_id: I.startsOn.block, optional: true, label: plain(t("apply.field.starts"), 2000),
        element: { type: "datepicker", action_id: I.startsOn.action, ...(f.startsOn ? { initial_date: f.startsOn } : {}) },
      },
      text(I.note, t("apply.field.note"), { max: REQUEST_NOTE_MAX, optional: true, multiline: true }),
    ],
  };
}
