// The modals of the formal report: the draft (every section of a Japanese incident report, prefilled from the case
// or the latest version), the reviewer's request for changes, and the question asked before resolving a report
// case whose report was never sent. Pure: data in, Block Kit out.
import type { KnownBlock, ModalView, PlainTextInput } from "@slack/types";
import { CHANGE_NOTE_MAX, REPORT_SECTIONS, REQUIRED_SECTIONS, SECTION_MAX, type ReportSection } from "../../domain/report.ts";
import type { ReportDraft } from "../../services/prepare-report-draft.ts";
import type { Translate } from "../i18n/index.ts";
import { ReportIds } from "../ids.ts";
import { clip, mrkdwn, plain } from "./text.ts";

type Input = { block: string; action: string };

export interface ReportModalMetadata { caseId: number; requestKey: string; reissue: number | null }

export function parseReportModalMetadata(raw: string): ReportModalMetadata | null {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return null;
    const { caseId, requestKey, reissue } = v as Record<string, unknown>;
    if (typeof caseId !== "number" || !Number.isSafeInteger(caseId) || caseId <= 0) return null;
    if (typeof requestKey !== "string" || requestKey.length < 8) return null;
    return { caseId, requestKey, reissue: typeof reissue === "number" ? reissue : null };
  } catch {
    return null;
  }
}

function textInput(input: Input, label: string, options: { optional: boolean; multiline: boolean; max: number; initial?: string | undefined }): KnownBlock {
  const element: PlainTextInput = {
    type: "plain_text_input", action_id: input.action, multiline: options.multiline, max_length: options.max,
    ...(options.initial ? { initial_value: clip(options.initial, options.max) } : {}),
  };
  return { type: "input", block_id: input.block, label: plain(label, 2000), optional: options.optional, element };
}

export function reportDraftModal(draft: ReportDraft, t: Translate, requestKey: string): ModalView {
  const { content } = draft;
  const reissue = draft.delivered.length > 0 ? draft.nextEdition : null;
  const notes = [draft.latest
    ? t("report.modal.next", { version: draft.nextVersion, previous: draft.latest.number, state: t(`report.state.${draft.latest.state}`) })
    : t("report.modal.new")];
  if (draft.delivered.length > 0) notes.push(t("report.modal.delivered", { editions: draft.delivered.map((e) => t("report.pdf.edition", { edition: e })).join("、") }));
  const section = (s: ReportSection) => textInput(ReportIds.inputs[s], t(`report.section.${s}`), {
    optional: !REQUIRED_SECTIONS.includes(s), multiline: s !== "subject", max: s === "subject" ? 150 : SECTION_MAX, initial: content.sections[s],
  });
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(t("report.modal.summary", { number: draft.number, title: clip(draft.title, 150), customer: draft.customer })) },
    { type: "context", elements: notes.map((n) => mrkdwn(n)) },
  ];
  if (reissue !== null) {
    blocks.push(textInput(ReportIds.inputs.changeNote, t("report.modal.change_note", { edition: reissue }), { optional: false, multiline: true, max: CHANGE_NOTE_MAX }));
  }
  blocks.push(
    section("subject"),
    textInput(ReportIds.inputs.product, t("report.modal.product"), { optional: true, multiline: false, max: 150, initial: content.header.product }),
    {
      type: "input", block_id: ReportIds.inputs.answeredOn.block, optional: true, label: plain(t("report.modal.answered"), 2000),
      element: { type: "datepicker", action_id: ReportIds.inputs.answeredOn.action, ...(content.header.answeredOn ? { initial_date: content.header.answeredOn } : {}) },
    },
    textInput(ReportIds.inputs.engineer, t("report.modal.engineer"), { optional: true, multiline: false, max: 100, initial: content.header.engineer }),
    ...REPORT_SECTIONS.filter((s) => s !== "subject").map(section),
  );
  const option = { text: plain(t("report.modal.request_review"), 75), value: "review" };
  blocks.push({
    type: "input", block_id: ReportIds.inputs.review.block, optional: true, label: plain(t("report.modal.review"), 2000),
    element: { type: "checkboxes", action_id: ReportIds.inputs.review.action, options: [option], initial_options: [option] },
  });
  const metadata: ReportModalMetadata = { caseId: draft.caseId, requestKey, reissue };
  return {
    type: "modal", callback_id: ReportIds.views.draft,
    title: plain(t("report.modal.title"), 24), submit: plain(t("report.modal.submit"), 24), close: plain(t("modal.cancel"), 24),
    private_metadata: JSON.stringify(metadata), blocks,
  };
}

export function reportChangesModal(versionId: number, t: Translate): ModalView {
  return {
    type: "modal", callback_id: ReportIds.views.changes,
    title: plain(t("report.changes.title"), 24), submit: plain(t("modal.eng.submit"), 24), close: plain(t("modal.cancel"), 24),
    private_metadata: JSON.stringify({ versionId }),
    blocks: [textInput(ReportIds.inputs.comment, t("report.changes.comment"), { optional: false, multiline: true, max: CHANGE_NOTE_MAX })],
  };
}

export function parseVersionMetadata(raw: string): number | null {
  try {
    const v: unknown = JSON.parse(raw);
    const id = typeof v === "object" && v !== null ? (v as { versionId?: unknown }).versionId : undefined;
    return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export function resolveConfirmModal(caseId: number, number: string, t: Translate): ModalView {
  return {
    type: "modal", callback_id: ReportIds.views.resolveConfirm,
    title: plain(t("report.resolve.title"), 24), submit: plain(t("report.resolve.submit"), 24), close: plain(t("modal.cancel"), 24),
    private_metadata: JSON.stringify({ caseId }),
    blocks: [{ type: "section", text: mrkdwn(t("report.resolve.body", { number })) }],
  };
}
