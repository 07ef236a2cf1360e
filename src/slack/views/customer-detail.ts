// One customer for a manager: each contract with its period, status and counters, the buttons that change them,
// and the recent ledger with who did what and why (R-CON-7). Pure: data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { DateTime } from "luxon";
import { caseNumber } from "../../domain/case.ts";
import type { ContractLine, CustomerDetail, HistoryLine, LedgerLine } from "../../services/customer-detail.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, InsightIds, TenancyIds, Views } from "../ids.ts";
import { untilText } from "./balance.ts";
import type { SlackMessage } from "./case-message.ts";
import { forecastText } from "./forecast.ts";
import { statementValue } from "./statement.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/** Contracts shown; older ones are counted (a customer of ten years has ten). */
export const DETAIL_CONTRACTS = 8;
const USER = /^[UW][A-Z0-9]{2,}$/;

function contractBlocks(c: ContractLine, t: Translate): KnownBlock[] {
  const lines = [
    t("contracts.detail.contract", { id: c.id, kind: t(c.kind === "renewal" ? "contracts.kind.renewal" : "contracts.kind.initial"), status: t(`contracts.status.${c.status}`) }),
    `${t("contracts.detail.period", { from: c.startsOn, to: c.endsOn })} · ${t("contracts.detail.counters", c)}`,
    ...(c.lapsed > 0 ? [t("contracts.detail.lapsed", { n: c.lapsed })] : []),
    ...(c.note ? [`_${escapeMrkdwn(clip(c.note, 200))}_`] : []),
    ...(c.renewal ? [t("contracts.detail.renewal", { answer: c.renewal.answer ?? "", user: c.renewal.by ?? "", date: c.renewal.on ?? "" })] : []),
  ];
  const buttons = [
    ...(c.status === "active" || c.status === "upcoming"
      ? [{ type: "button" as const, action_id: Actions.addIncidents, text: plain(t("contracts.button.add"), 75), value: String(c.id) }]
      : []),
    { type: "button" as const, action_id: Actions.adjustBalance, text: plain(t("contracts.button.adjust"), 75), value: String(c.id) },
  ];
  return [
    { type: "section", text: mrkdwn(lines.join("\n")) },
    { type: "actions", block_id: `contract_${c.id}`, elements: buttons },
  ];
}

export function ledgerText(e: LedgerLine, zone: string, t: Translate): string {
  const at = DateTime.fromJSDate(e.at, { zone }).toFormat("yyyy-MM-dd HH:mm");
  const credit = e.kind === "purchase" || e.kind === "addition" || (e.kind === "adjust" && e.amount > 0);
  const amount = credit ? `+${e.amount}` : String(e.amount);
  const actor = personText(e.actorId);
  return [
    at, `${t(`contracts.ledger.kind.${e.kind}`)} ${amount}`, t("contracts.ledger.contract", { id: e.contractId }),
    ...(e.caseId !== null ? [caseNumber(e.caseId)] : []), actor,
    ...(e.reason ? [escapeMrkdwn(clip(e.reason.replace(/\s+/g, " "), 80))] : []),
  ].join(" · ");
}

const personText = (id: string) => (USER.test(id) ? `<@${id}>` : escapeMrkdwn(id));

/** One step of the contracts' audit trail: who answered or decided what, and when. */
export function historyText(e: HistoryLine, zone: string, t: Translate): string {
  const at = DateTime.fromJSDate(e.at, { zone }).toFormat("yyyy-MM-dd HH:mm");
  const user = personText(e.actorId);
  switch (e.kind) {
    case "renewal_answered":
      return e.previous
        ? t("contracts.history.renewal_changed", { at, user, id: e.contractId ?? "?", answer: e.answer, previous: e.previous })
        : t("contracts.history.renewal_answered", { at, user, id: e.contractId ?? "?", answer: e.answer });
    case "request_created":
      return t("contracts.history.request_created", { at, user, number: t("request.number", { id: e.requestId }), kind: e.requestKind, incidents: e.incidents });
    case "request_registered":
      return t("contracts.history.request_registered", { at, user, number: t("request.number", { id: e.requestId }), id: e.contractId ?? "?" });
    case "request_declined":
      return t("contracts.history.request_declined", { at, user, number: t("request.number", { id: e.requestId }), reason: clip(e.reason.replace(/\s+/g, " "), 200) });
  }
}

/** Channels shown with their own controls; a customer with more is set up on the command line (channel …). */
export const DETAIL_CHANNEL_CONTROLS = 5;

/**
 * Whose people are the customer in each channel: what decides who may open cases and approve there, with the
 * buttons that change it. Channels past the first few are listed in one context block, so that many channels do
 * not push the contracts past Slack's 50 blocks.
 */
function tenancyBlocks(d: CustomerDetail, t: Translate): KnownBlock[] {
  if (d.tenancy.length === 0) return [];
  const team = (x: { teamId: string; teamName: string | null }) => (x.teamName ? `${escapeMrkdwn(clip(x.teamName, 60))} (${x.teamId})` : x.teamId);
  const line = (c: CustomerDetail["tenancy"][number]) => {
    const customer = c.teams.filter((x) => x.role === "customer").map(team);
    const pending = c.teams.filter((x) => x.role === "pending").map(team);
    return clip([
      `<#${c.channelId}>`,
      customer.length ? t("channel.tenancy.customer", { teams: customer.join(", ") }) : t("channel.tenancy.none"),
      ...(pending.length ? [t("channel.tenancy.pending", { teams: pending.join(", ") })] : []),
      ...(c.approvers.length ? [t("channel.tenancy.approvers", { users: c.approvers.map((u) => `<@${u}>`).join(" ") })] : []),
    ].join(" · "), 3000);
  };
  const blocks: KnownBlock[] = d.tenancy.slice(0, DETAIL_CHANNEL_CONTROLS).flatMap((c): KnownBlock[] => [
    { type: "context", elements: [mrkdwn(line(c))] },
    { type: "actions", block_id: `${TenancyIds.channelBlock}:${c.channelId}`, elements: [
      { type: "button", action_id: TenancyIds.actions.editTeams, text: plain(t("tenancy.button.teams"), 75), value: c.channelId },
      { type: "button", action_id: TenancyIds.actions.editApprovers, text: plain(t("tenancy.button.approvers"), 75), value: c.channelId },
    ] },
  ]);
  const rest = d.tenancy.slice(DETAIL_CHANNEL_CONTROLS, DETAIL_CHANNEL_CONTROLS + 10);
  if (rest.length) blocks.push({ type: "context", elements: rest.map((c) => mrkdwn(line(c))) });
  return blocks;
}

export function customerDetailBlocks(d: CustomerDetail, zone: string, t: Translate): KnownBlock[] {
  const channels = d.channelIds.length ? t("contracts.detail.channels", { channels: d.channelIds.map((c) => `<#${c}>`).join(" ") }) : t("contracts.detail.no_channels");
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(d.name, 150) },
    { type: "section", text: mrkdwn(`${t("balance.figures", { available: d.available, purchased: d.purchased, consumed: d.consumed, reserved: d.reserved, open: d.openCases })}\n${untilText(d, t)}`) },
    { type: "context", elements: [mrkdwn(channels), ...(d.contactNote ? [mrkdwn(t("contracts.detail.note", { note: clip(d.contactNote, 500) }))] : [])] },
    ...tenancyBlocks(d, t),
    { type: "section", text: mrkdwn(forecastText(d.forecast, t)) },
    { type: "divider" },
  ];
  const shown = d.contracts.slice(-DETAIL_CONTRACTS);
  if (shown.length === 0) blocks.push({ type: "section", text: mrkdwn(t("contracts.detail.no_contracts")) });
  if (d.contracts.length > shown.length) blocks.push({ type: "context", elements: [mrkdwn(t("contracts.detail.more_contracts", { n: d.contracts.length - shown.length }))] });
  for (const c of shown) blocks.push(...contractBlocks(c, t));
  if (d.requests?.length) {
    const lines = d.requests.map((r) => t("contracts.detail.request", { number: t("request.number", { id: r.id }), kind: r.kind, incidents: r.incidents, state: r.state, at: r.on }));
    blocks.push({ type: "section", text: mrkdwn(clip(`*${t("contracts.detail.requests")}*\n${lines.join("\n")}`, 3000)) });
  }
  if (d.history?.length) {
    blocks.push({ type: "section", text: mrkdwn(clip(`*${t("contracts.detail.events")}*\n${d.history.map((e) => historyText(e, zone, t)).join("\n")}`, 3000)) });
  }
  blocks.push(
    { type: "actions", block_id: "customer_actions", elements: [
      { type: "button", action_id: Actions.renewContract, text: plain(t("contracts.button.renew"), 75), value: String(d.customerId) },
      { type: "button", action_id: InsightIds.actions.statement, text: plain(t("statement.button"), 75), value: statementValue(d.customerId) },
    ] },
    { type: "divider" },
    { type: "section", text: mrkdwn([t("contracts.ledger.title"), ...(d.ledger.length ? d.ledger.map((e) => ledgerText(e, zone, t)) : [t("contracts.ledger.empty")])].join("\n")) },
    { type: "context", elements: [mrkdwn(t("contracts.ledger.more"))] },
  );
  return blocks;
}

export function customerDetailMessage(d: CustomerDetail, zone: string, t: Translate): SlackMessage {
  // The fallback text is parsed like any message text: a customer's name is escaped there too.
  return { text: escapeMrkdwn(d.name), blocks: customerDetailBlocks(d, zone, t) };
}

export function customerDetailModal(d: CustomerDetail, zone: string, t: Translate): ModalView {
  return {
    type: "modal", callback_id: Views.customerDetail, title: plain(t("contracts.detail.title"), 24),
    close: plain(t("contracts.modal.close"), 24), private_metadata: JSON.stringify({ customerId: d.customerId }),
    blocks: customerDetailBlocks(d, zone, t),
  };
}
