// The customers' search (「過去の案件を検索」 on their channel's entry message): a modal with a search box, and the
// same modal with what was found below it. The channel searched travels in private_metadata and is checked again
// against the submitter at each submission. Pure.
import type { KnownBlock, View } from "@slack/types";
import type { FindCaseResult } from "../../services/find-case.ts";
import type { Translate } from "../i18n/index.ts";
import { CaseworkIds } from "../ids.ts";
import { findResultBlocks } from "./case-card.ts";
import { mrkdwn, plain } from "./text.ts";

export function searchButton(t: Translate) {
  return { type: "button" as const, action_id: CaseworkIds.actions.customerSearch, text: plain(t("search.button"), 75), value: "entry" };
}

export function parseSearchMetadata(raw: string | undefined): { channelId: string } | null {
  try {
    const parsed: unknown = JSON.parse(raw ?? "");
    if (typeof parsed === "object" && parsed !== null && typeof (parsed as { channelId?: unknown }).channelId === "string") {
      return { channelId: (parsed as { channelId: string }).channelId };
    }
  } catch {
    // Not ours: treated as absent.
  }
  return null;
}

export function customerSearchModal(channelId: string, t: Translate, found?: { query: string; result: FindCaseResult; links: ReadonlyMap<number, string> }): View {
  const blocks: KnownBlock[] = [
    {
      type: "input", block_id: CaseworkIds.inputs.query.block, label: plain(t("search.label"), 2000),
      hint: plain(t("search.hint"), 2000),
      element: {
        type: "plain_text_input", action_id: CaseworkIds.inputs.query.action, max_length: 200,
        ...(found ? { initial_value: found.query } : {}), placeholder: plain(t("search.placeholder"), 150),
      },
    },
  ];
  if (found) blocks.push({ type: "divider" }, ...findResultBlocks(found.result, found.links, false, t).slice(0, 90));
  else blocks.push({ type: "context", elements: [mrkdwn(t("search.scope"))] });
  return {
    type: "modal", callback_id: CaseworkIds.views.customerSearch, private_metadata: JSON.stringify({ channelId }),
    title: plain(t("search.title"), 24), submit: plain(t("search.submit"), 24), close: plain(t("search.close"), 24), blocks,
  };
}
