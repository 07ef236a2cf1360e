// 「ご依頼中の案件」: a customer channel's open cases and those that ended lately, each with its number, title (a link
// to its thread where Slack gave one), state, level, incidents and dates. Only the person who asked sees it. Pure.
import type { KnownBlock, View } from "@slack/types";
import type { ChannelCase, ChannelCases } from "../../services/channel-cases.ts";
import { RECENT_DAYS } from "../../services/channel-cases.ts";
import type { Translate } from "../i18n/index.ts";
import { CaseworkIds } from "../ids.ts";
import { md } from "./mrkdwn.ts";
import { mrkdwn, plain } from "./text.ts";

export function channelCasesButton(t: Translate) {
  return { type: "button" as const, action_id: CaseworkIds.actions.channelCases, text: plain(t("cases.button"), 75), value: "entry" };
}

function caseBlock(c: ChannelCase, link: string | undefined, t: Translate): KnownBlock {
  const name = `${c.number} ${md(c.title)}`;
  const detail = t("cases.detail", {
    state: t(`state.${c.state}`), level: t(`level.${c.level}`), incidents: c.incidents, opened: c.openedOn, ended: c.closedOn,
  });
  return { type: "section", text: mrkdwn(`*${link ? `<${link}|${name}>` : name}*\n${detail}`) };
}

export function channelCasesModal(view: ChannelCases & { customerName: string }, links: ReadonlyMap<number, string>, t: Translate): View {
  const blocks: KnownBlock[] = [
    { type: "context", elements: [mrkdwn(t("cases.intro", { customer: view.customerName }))] },
    { type: "section", text: mrkdwn(t("cases.active")) },
  ];
  if (view.active.length === 0) blocks.push({ type: "section", text: mrkdwn(t("cases.active_none")) });
  for (const c of view.active) blocks.push(caseBlock(c, links.get(c.id), t));
  if (view.moreActive > 0) blocks.push({ type: "context", elements: [mrkdwn(t("cases.more", { count: view.moreActive }))] });
  blocks.push({ type: "divider" }, { type: "section", text: mrkdwn(t("cases.ended", { days: RECENT_DAYS })) });
  if (view.ended.length === 0) blocks.push({ type: "section", text: mrkdwn(t("cases.ended_none", { days: RECENT_DAYS })) });
  for (const c of view.ended) blocks.push(caseBlock(c, links.get(c.id), t));
  return {
    type: "modal", callback_id: CaseworkIds.views.channelCases,
    title: plain(t("cases.title"), 24), close: plain(t("cases.close"), 24), blocks: blocks.slice(0, 100),
  };
}
