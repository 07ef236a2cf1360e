// One customer for a manager: each contract with its period, status and counters, the buttons that change them,
// and the recent ledger with who did what and why (R-CON-7). Pure: data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { DateTime } from "luxon";
import { caseNumber } from "../../domain/case.ts";
import type { ContractLine, CustomerDetail, LedgerLine } from "../../services/customer-detail.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, InsightIds, Views } from "../ids.ts";
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
  const actor = USER.test(e.actorId) ? `<@${e.actorId}>` : escapeMrkdwn(e.actorId);
  return [
    at, `${t(`contracts.ledger.kind.${e.kind}`)} ${amount}`, t("contracts.ledger.contract", { id: e.contractId }),
    ...(e.caseId !== null ? [caseNumber(e.caseId)] : []), actor,
    ...(e.reason ? [escapeMrkdwn(clip(e.reason.replace(/\s+/g, " "), 80))] : []),
  ].join(" · ");
}

/** Whose people are the customer in each channel: what decides who may open cases and approve there. */
function tenancyBlocks(d: CustomerDetail, t: Translate): KnownBlock[] {
  if (d.tenancy.length === 0) return [];
  const team = (x: { teamId: string; teamName: string | null }) => (x.teamName ? `${escapeMrkdwn(clip(x.teamName, 60))} (${x.teamId})` : x.teamId);
  // One context block (at most ten elements): many channels must not push the contracts past Slack's 50 blocks.
  const lines = d.tenancy.slice(0, 10).map((c) => {
    const customer = c.teams.filter((x) => x.role === "customer").map(team);
    const pending = c.teams.filter((x) => x.role === "pending").map(team);
    const parts = [
      `<#${c.channelId}>`,
      customer.length ? t("channel.tenancy.customer", { teams: customer.join(", ") }) : t("channel.tenancy.none"),
      ...(pending.length ? [t("channel.tenancy.pending", { teams: pending.join(", ") })] : []),
      ...(c.approvers.length ? [t("channel.tenancy.approvers", { users: c.approvers.map((u) => `<@${u}>`).join(" ") })] : []),
    ];
    return mrkdwn(clip(parts.join(" · "), 3000));
  });
  return [{ type: "context", elements: lines }];
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
