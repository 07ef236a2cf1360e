// The managers' part of App Home: the registration and export flows, and the balance overview with a way into
// each customer's contracts (where additional purchases, renewals and adjustments start).
import type { KnownBlock } from "@slack/types";
import type { CustomerBalance } from "../../services/balance-overview.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions } from "../ids.ts";
import { balanceOverviewBlocks } from "./balance.ts";
import { plain } from "./text.ts";

/** At most 43 blocks: the actions and the overview (see BALANCE_ROWS). */
export function managerHomeBlocks(rows: readonly CustomerBalance[], t: Translate): KnownBlock[] {
  return [
    {
      type: "actions",
      block_id: "manager_actions",
      elements: [
        { type: "button", action_id: Actions.registerContract, text: plain(t("home.register"), 75), style: "primary", value: "home" },
        { type: "button", action_id: Actions.exportLedger, text: plain(t("home.export"), 75), value: "home" },
      ],
    },
    ...balanceOverviewBlocks(rows, t),
  ];
}
