// The managers' part of App Home: the balance overview and the registration flows.
import type { KnownBlock } from "@slack/types";
import type { CustomerBalance } from "../../services/balance-overview.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions } from "../ids.ts";
import { balanceOverviewBlocks } from "./balance.ts";
import { plain } from "./text.ts";

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
