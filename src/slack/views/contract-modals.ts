// The managers' contract modals: registration, renewal, additional purchase and adjustment. Pure: data in,
// Block Kit out. Each carries a request key in its metadata, so a submission Slack delivers twice counts once.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { MAX_INCIDENTS } from "../../domain/contract.ts";
import { CUSTOMER_NAME_MAX, NOTE_MAX } from "../../services/register-contract.ts";
import type { Translate } from "../i18n/index.ts";
import { Inputs, Views } from "../ids.ts";
import { mrkdwn, plain } from "./text.ts";

export interface ModalMetadata {
  requestKey: string;
  customerId: number | null;
  contractId: number | null;
  /** The customer detail this form was opened from, refreshed after a change so going back shows the new state. */
  detailViewId?: string | null;
  /** The customer's purchase request the form was opened from: registered with the contract change. */
  purchaseRequestId?: number | null;
}

/** What a customer's purchase request fills in (the manager may change any of it before submitting). */
export interface Prefill { purchaseRequestId: number; incidents: number; startsOn: string | null; note: string | null }

export function parseModalMetadata(raw: string): ModalMetadata | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const v = value as Record<string, unknown>;
    if (typeof v.requestKey !== "string" || v.requestKey.length < 8) return null;
    const id = (x: unknown) => (typeof x === "number" && Number.isSafeInteger(x) && x > 0 ? x : null);
    return {
      requestKey: v.requestKey, customerId: id(v.customerId), contractId: id(v.contractId), detailViewId: typeof v.detailViewId === "string" ? v.detailViewId : null,
      ...(id(v.purchaseRequestId) ? { purchaseRequestId: id(v.purchaseRequestId) } : {}),
    };
  } catch {
    return null;
  }
}

function modal(callbackId: string, metadata: ModalMetadata, title: string, submit: string, blocks: KnownBlock[], t: Translate): ModalView {
  return {
    type: "modal", callback_id: callbackId, private_metadata: JSON.stringify(metadata),
    title: plain(title, 24), submit: plain(submit, 24), close: plain(t("modal.cancel"), 24), blocks,
  };
}

const intro = (text: string): KnownBlock => ({ type: "section", text: mrkdwn(text) });

function incidentsInput(label: string, initial?: number): KnownBlock {
  return {
    type: "input", block_id: Inputs.incidents.block, label: plain(label, 2000),
    element: {
      type: "number_input", action_id: Inputs.incidents.action, is_decimal_allowed: false, min_value: "1", max_value: String(MAX_INCIDENTS),
      ...(initial ? { initial_value: String(initial) } : {}),
    },
  };
}

function withInitial(block: KnownBlock, initial: Record<string, string> | null): KnownBlock {
  return initial && block.type === "input" ? { ...block, element: { ...block.element, ...initial } } : block;
}

function dateInput(input: { block: string; action: string }, label: string, hint?: string): KnownBlock {
  return {
    type: "input", block_id: input.block, optional: true, label: plain(label, 2000),
    element: { type: "datepicker", action_id: input.action },
    ...(hint ? { hint: plain(hint, 2000) } : {}),
  };
}

function periodInputs(t: Translate): KnownBlock[] {
  return [
    dateInput(Inputs.confirmedOn, t("contracts.field.confirmed"), t("contracts.field.confirmed_hint")),
    dateInput(Inputs.startsOn, t("contracts.field.starts")),
    dateInput(Inputs.endsOn, t("contracts.field.ends")),
  ];
}

function textInput(input: { block: string; action: string }, label: string, options: { optional: boolean; multiline?: boolean; max: number; placeholder?: string }): KnownBlock {
  return {
    type: "input", block_id: input.block, optional: options.optional, label: plain(label, 2000),
    element: {
      type: "plain_text_input", action_id: input.action, max_length: options.max,
      ...(options.multiline ? { multiline: true } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    },
  };
}

export function registerContractModal(requestKey: string, t: Translate): ModalView {
  const locale = (value: "ja" | "en"): PlainTextOption => ({ text: plain(t(`contracts.locale.${value}`), 75), value });
  return modal(Views.registerContract, { requestKey, customerId: null, contractId: null }, t("contracts.modal.register.title"), t("contracts.modal.register.submit"), [
    intro(t("contracts.modal.register.intro")),
    textInput(Inputs.customerName, t("contracts.field.customer"), { optional: false, max: CUSTOMER_NAME_MAX, placeholder: t("contracts.field.customer_hint") }),
    {
      type: "input", block_id: Inputs.customerChannels.block, label: plain(t("contracts.field.channels"), 2000),
      element: {
        type: "multi_conversations_select", action_id: Inputs.customerChannels.action,
        placeholder: plain(t("contracts.field.channels_hint"), 150),
        // Direct messages are never a customer's channel.
        filter: { include: ["public", "private"], exclude_bot_users: true },
      },
    },
    incidentsInput(t("contracts.field.incidents")),
    ...periodInputs(t),
    {
      type: "input", block_id: Inputs.channelLocale.block, label: plain(t("contracts.field.locale"), 2000),
      element: { type: "static_select", action_id: Inputs.channelLocale.action, initial_option: locale("ja"), options: [locale("ja"), locale("en")] },
    },
    textInput(Inputs.contact, t("contracts.field.note"), { optional: true, multiline: true, max: NOTE_MAX }),
  ], t);
}

export function renewContractModal(input: { requestKey: string; customerId: number; customerName: string; detailViewId?: string | null; prefill?: Prefill }, t: Translate): ModalView {
  const p = input.prefill;
  const [confirmed, starts, ends] = periodInputs(t);
  return modal(Views.renewContract, { requestKey: input.requestKey, customerId: input.customerId, contractId: null, detailViewId: input.detailViewId ?? null, purchaseRequestId: p?.purchaseRequestId ?? null }, t("contracts.modal.renew.title"), t("contracts.modal.register.submit"), [
    intro(t("contracts.modal.renew.intro", { customer: input.customerName })),
    incidentsInput(t("contracts.field.incidents"), p?.incidents),
    ...[confirmed, withInitial(starts as KnownBlock, p?.startsOn ? { initial_date: p.startsOn } : null), ends].filter((b): b is KnownBlock => b !== undefined),
    withInitial(textInput(Inputs.contact, t("contracts.field.note"), { optional: true, multiline: true, max: NOTE_MAX }), p?.note ? { initial_value: p.note.slice(0, NOTE_MAX) } : null),
  ], t);
}

export interface ContractInfo { contractId: number; customerName: string; startsOn: string; endsOn: string; purchased: number; available: number; reserved: number }

export function addIncidentsModal(requestKey: string, c: ContractInfo, t: Translate, detailViewId: string | null = null, prefill?: Prefill): ModalView {
  return modal(Views.addIncidents, { requestKey, customerId: null, contractId: c.contractId, detailViewId, purchaseRequestId: prefill?.purchaseRequestId ?? null }, t("contracts.modal.add.title"), t("contracts.modal.save"), [
    intro(t("contracts.modal.add.intro", { customer: c.customerName, id: c.contractId, from: c.startsOn, to: c.endsOn, available: c.available })),
    incidentsInput(t("contracts.field.add_incidents"), prefill?.incidents),
    withInitial(textInput(Inputs.reason, t("contracts.field.add_note"), { optional: true, max: NOTE_MAX }), prefill?.note ? { initial_value: prefill.note.slice(0, NOTE_MAX) } : null),
  ], t);
}

export function adjustBalanceModal(requestKey: string, c: ContractInfo, t: Translate, detailViewId: string | null = null): ModalView {
  return modal(Views.adjustBalance, { requestKey, customerId: null, contractId: c.contractId, detailViewId }, t("contracts.modal.adjust.title"), t("contracts.modal.save"), [
    intro(t("contracts.modal.adjust.intro", { customer: c.customerName, id: c.contractId, purchased: c.purchased, available: c.available, reserved: c.reserved })),
    {
      type: "input", block_id: Inputs.amount.block, label: plain(t("contracts.field.amount"), 2000),
      element: { type: "number_input", action_id: Inputs.amount.action, is_decimal_allowed: false, min_value: String(-MAX_INCIDENTS), max_value: String(MAX_INCIDENTS) },
    },
    textInput(Inputs.reason, t("contracts.field.reason"), { optional: false, multiline: true, max: NOTE_MAX }),
  ], t);
}

export function exportLedgerModal(input: { requestKey: string; from: string; to: string }, t: Translate): ModalView {
  const date = (i: { block: string; action: string }, label: string, initial: string): KnownBlock => ({
    type: "input", block_id: i.block, label: plain(label, 2000), element: { type: "datepicker", action_id: i.action, initial_date: initial },
  });
  return modal(Views.exportLedger, { requestKey: input.requestKey, customerId: null, contractId: null }, t("contracts.modal.export.title"), t("contracts.modal.export.submit"), [
    intro(t("contracts.modal.export.intro")),
    date(Inputs.periodFrom, t("contracts.field.from"), input.from),
    date(Inputs.periodTo, t("contracts.field.to"), input.to),
  ], t);
}

/** A registration done: what was registered, and (when a manager named it) the customer's workspace. */
export function registeredNotice(input: { customer: string; contractId: number; incidents: number; startsOn: string; endsOn: string; customerTeam?: string | null }, t: Translate): ModalView {
  const lines = [
    t("contracts.done.registered", { customer: input.customer, id: input.contractId, incidents: input.incidents, from: input.startsOn, to: input.endsOn }),
    ...(input.customerTeam ? [t("tenancy.done.customer_team", { teams: input.customerTeam })] : []),
    t("contracts.done.new_channels"),
  ];
  return managerNotice(t("contracts.done.title"), lines.join("\n"), t);
}

/** What a manager is told in place of a form: that it is done, or why it cannot be done. */
export function managerNotice(title: string, text: string, t: Translate): ModalView {
  return {
    type: "modal", callback_id: Views.managerNotice, title: plain(title, 24), close: plain(t("contracts.modal.close"), 24),
    blocks: [{ type: "section", text: mrkdwn(text) }],
  };
}
