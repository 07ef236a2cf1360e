// App Home: the queue for engineers, the balances for managers (both for someone who is both), and for anyone
// else a short explanation that shows no customer's data. Pure.
import type { HomeView, KnownBlock } from "@slack/types";
import type { CustomerBalance } from "../../services/balance-overview.ts";
import type { Queue } from "../../services/queue.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, Views } from "../ids.ts";
import { managerHomeBlocks } from "./manager-home.ts";
import { queueBlocks } from "./queue.ts";
import { mrkdwn, plain } from "./text.ts";

export interface HomeData {
  /** Present for engineers. */
  queue: Queue | null;
  /** Present for managers. */
  balances: readonly CustomerBalance[] | null;
}

export function homeView(data: HomeData, t: Translate): HomeView {
  if (!data.queue && !data.balances) {
    return { type: "home", callback_id: Views.home, blocks: [{ type: "section", text: mrkdwn(t("home.staff_only")) }] };
  }
  // At most 1 + 43 (queue) + 1 + 43 (balances) blocks: within the 100 a Home tab may hold.
  const blocks: KnownBlock[] = [{
    type: "actions", block_id: "home_actions",
    elements: [{ type: "button", action_id: Actions.refreshHome, text: plain(t("home.refresh"), 75), value: "home" }],
  }];
  if (data.queue) blocks.push(...queueBlocks(data.queue, t));
  if (data.balances) {
    if (data.queue) blocks.push({ type: "divider" });
    blocks.push(...managerHomeBlocks(data.balances, t));
  }
  return { type: "home", callback_id: Views.home, blocks };
}
