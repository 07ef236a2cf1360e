// /balance [customer]: managers see every customer's balance (R-ROLE); anyone else is politely refused.
import type { App } from "@slack/bolt";
import { can } from "../../../domain/roles.ts";
import { balanceOverview } from "../../../services/balance-overview.ts";
import { rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Commands } from "../../ids.ts";
import { balanceMessage } from "../../views/balance.ts";

export function register(app: App, deps: SlackDeps): void {
  app.command(Commands.balance, async ({ ack, command }) => {
    const locale = deps.config.defaultLocale;
    const roles = rolesIn(deps, { userId: command.user_id, teamId: command.team_id }, null);
    if (!can(roles, "balance.all")) {
      await ack({ response_type: "ephemeral", text: t(locale, "refused.manager") });
      return;
    }
    const query = command.text.trim();
    let rows = await balanceOverview(deps);
    if (query) {
      rows = rows.filter((r) => r.name.toLowerCase().includes(query.toLowerCase()));
      if (rows.length === 0) {
        await ack({ response_type: "ephemeral", text: t(locale, "balance.not_found", { name: query }) });
        return;
      }
    }
    await ack({ response_type: "ephemeral", ...balanceMessage(rows, translator(locale)) });
  });
}
