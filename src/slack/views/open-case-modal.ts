// The modal in which a case is opened. It says before submit what the case will cost and what remains.
import type { ModalView, KnownBlock } from "@slack/types";
import { DESCRIPTION_MAX, PRODUCT_MAX, TITLE_MAX } from "../../domain/case.ts";
import type { RefusalReason } from "../../domain/contract.ts";
import type { Locale } from "../../config.ts";
import type { Translate } from "../i18n/index.ts";
import { CaseworkIds, Inputs, Views } from "../ids.ts";
import { mrkdwn, plain } from "./text.ts";

/** Files one case may bring when opened (Slack's file_input takes up to 10). */
export const MAX_FILES = 10;

export interface OpenCaseModalMetadata {
  requestKey: string;
  channelId: string | null;
  sourceTs: string | null;
  /** The thread the source message sits in, told which case it became (its own ts for a top-level message). */
  sourceThreadTs?: string | null;
  previousCaseId: number | null;
  /** The language the form was shown in: a submission's answers, given before any look-up, use it too. */
  locale?: Locale | null;
}

export interface OpenCaseModalInput {
  metadata: OpenCaseModalMetadata;
  /** Channels to choose from when the modal was not opened inside a customer channel (T4U people). */
  channels: Array<{ channelId: string; customerName: string }>;
  available: number | null;
  prefill?: { title?: string; description?: string };
  previousNumber?: string | null;
  /** Why no case can be opened now: said at the top, before anyone types a question in vain. */
  blocked?: { reason: RefusalReason; contact: string } | null;
}

export function refusalText(reason: RefusalReason, needed: number, available: number, contact: string, t: Translate): string {
  switch (reason) {
    case "insufficient": return t("error.insufficient", { needed, available, contact });
    case "expired": return t("error.expired", { contact });
    case "exhausted": return t("error.exhausted", { contact });
    case "no_contract": return t("error.no_contract", { contact });
  }
}

export function openCaseModal(input: OpenCaseModalInput, t: Translate): ModalView {
  const blocks: KnownBlock[] = [];
  if (input.blocked) {
    blocks.push({ type: "section", text: mrkdwn(`:warning: *${t("modal.open.blocked")}*\n${refusalText(input.blocked.reason, 1, input.available ?? 0, input.blocked.contact, t)}`) });
  }
  if (input.previousNumber) blocks.push({ type: "context", elements: [mrkdwn(t("modal.open.previous", { number: input.previousNumber }))] });
  if (!input.metadata.channelId) {
    blocks.push({
      type: "input", block_id: Inputs.channel.block, label: plain(t("modal.open.channel"), 2000),
      element: {
        type: "static_select", action_id: Inputs.channel.action,
        options: input.channels.slice(0, 100).map((c) => ({ text: plain(`${c.customerName} (${c.channelId})`, 75), value: c.channelId })),
      },
    });
  }
  blocks.push(
    {
      type: "input", block_id: Inputs.title.block, label: plain(t("modal.open.title_label"), 2000),
      element: { type: "plain_text_input", action_id: Inputs.title.action, max_length: TITLE_MAX, placeholder: plain(t("modal.open.title_hint"), 150), ...(input.prefill?.title ? { initial_value: input.prefill.title } : {}) },
    },
    {
      type: "input", block_id: Inputs.description.block, label: plain(t("modal.open.description"), 2000),
      element: { type: "plain_text_input", action_id: Inputs.description.action, multiline: true, max_length: DESCRIPTION_MAX, placeholder: plain(t("modal.open.description_hint"), 150), ...(input.prefill?.description ? { initial_value: input.prefill.description } : {}) },
    },
    {
      type: "input", block_id: Inputs.product.block, optional: true, label: plain(t("modal.open.product"), 2000),
      element: { type: "plain_text_input", action_id: Inputs.product.action, max_length: PRODUCT_MAX },
    },
    {
      // Slack uploads the files as the person; the submission names them, and they are recorded with the case.
      type: "input", block_id: CaseworkIds.inputs.files.block, optional: true, label: plain(t("modal.open.files"), 2000),
      hint: plain(t("modal.open.files_hint"), 2000),
      element: { type: "file_input", action_id: CaseworkIds.inputs.files.action, max_files: MAX_FILES },
    },
    {
      type: "input", block_id: Inputs.level.block, label: plain(t("modal.open.level"), 2000),
      element: {
        type: "radio_buttons", action_id: Inputs.level.action,
        initial_option: { text: plain(t("modal.open.level_normal"), 75), value: "normal" },
        options: [
          { text: plain(t("modal.open.level_normal"), 75), value: "normal" },
          { text: plain(t("modal.open.level_a_reproduction"), 75), value: "A:reproduction" },
          { text: plain(t("modal.open.level_a_report"), 75), value: "A:report" },
        ],
      },
    },
  );
  if (input.available !== null && !input.blocked) {
    blocks.push({ type: "context", elements: [mrkdwn(t("modal.open.cost", { normal: 1, levelA: 3, available: input.available }))] });
  }
  return {
    type: "modal",
    callback_id: Views.openCase,
    title: plain(t("modal.open.title"), 24),
    submit: plain(t("modal.open.submit"), 24),
    close: plain(t("modal.cancel"), 24),
    private_metadata: JSON.stringify(input.metadata),
    blocks,
  };
}

export function parseOpenCaseMetadata(raw: string): OpenCaseModalMetadata | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const v = value as Record<string, unknown>;
    if (typeof v.requestKey !== "string" || v.requestKey.length < 8) return null;
    return {
      requestKey: v.requestKey,
      channelId: typeof v.channelId === "string" ? v.channelId : null,
      sourceTs: typeof v.sourceTs === "string" ? v.sourceTs : null,
      sourceThreadTs: typeof v.sourceThreadTs === "string" ? v.sourceThreadTs : null,
      previousCaseId: typeof v.previousCaseId === "number" ? v.previousCaseId : null,
      ...(v.locale === "ja" || v.locale === "en" ? { locale: v.locale } : {}),
    };
  } catch {
    return null;
  }
}
