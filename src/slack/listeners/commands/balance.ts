// /balance for managers (R-ROLE); anyone else is politely refused and sees no customer's data.
//   /balance                      every customer, those needing attention first
//   /balance <customer>           one customer's contracts and recent ledger (several matches: their rows)
//   /balance register             the registration modal
//   /balance export FROM TO       the ledger of the period as CSV, by direct message (no dates: the modal)
import { randomUUID } from "node:crypto";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { validatePeriod } from "../../../services/export-ledger.ts";
import { actorOfUser, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { Commands } from "../../ids.ts";
import { sendLedgerCsv } from "../../ledger-delivery.ts";
import { balanceMessage } from "../../views/balance.ts";
import { exportLedgerModal, registerContractModal } from "../../views/contract-modals.ts";
import { customerDetailMessage } from "../../views/customer-detail.ts";
import { mrkdwn } from "../../views/text.ts";

const REGISTER = new Set(["register", "登録"]);
const EXPORT = new Set(["export", "csv", "出力"]);
const HELP = new Set(["help", "ヘルプ"]);

export function register(app: Listeners, deps: SlackDeps): void {
  app.command(Commands.balance, async ({ ack, command, client }) => {
    const actor = await actorOfUser(deps, command.user_id, command.team_id);
    const t = translator(localeFor(deps, actor, null));
    const roles = rolesIn(deps, actor, null);
    if (!can(roles, "balance.all")) {
      deps.logger.info("/balance refused", { userId: command.user_id });
      await ack({ response_type: "ephemeral", text: t("refused.manager") });
      return;
    }
    const text = command.text.trim();
    const [word = "", ...args] = text.split(/\s+/);
    const sub = word.toLowerCase();
    const open = (view: Parameters<typeof client.views.open>[0]["view"]) =>
      client.views.open({ trigger_id: command.trigger_id, view }).catch((error: unknown) => {
        deps.logger.warn("modal could not be opened", { error: error instanceof Error ? error.message : String(error) });
      });

    if (HELP.has(sub)) return ack({ response_type: "ephemeral", text: t("contracts.command.help") });
    if (REGISTER.has(sub) && args.length === 0) {
      await ack();
      await open(registerContractModal(randomUUID(), t));
      return;
    }
    if (EXPORT.has(sub)) {
      const today = deps.calendar.localDate(deps.clock.now());
      if (args.length === 0) {
        await ack();
        await open(exportLedgerModal({ requestKey: randomUUID(), from: `${today.slice(0, 8)}01`, to: today }, t));
        return;
      }
      const period = validatePeriod(args[0], args[1]);
      if (!period.ok || args.length > 2) return ack({ response_type: "ephemeral", text: t("contracts.command.export_usage") });
      await ack({ response_type: "ephemeral", text: t("contracts.done.export", period) });
      await sendLedgerCsv(deps, client, command.user_id, period, t);
      return;
    }
    if (!text) return ack({ response_type: "ephemeral", ...balanceMessage(await deps.services.balanceOverview(), t) });

    const found = await deps.services.findCustomers(text);
    const only = found.length === 1 ? found[0] : undefined;
    const detail = only ? await deps.services.customerDetail(only.id) : null;
    if (detail) return ack({ response_type: "ephemeral", ...customerDetailMessage(detail, deps.calendar.timezone, t) });
    if (found.length === 0) return ack({ response_type: "ephemeral", text: t("balance.not_found", { name: text }) });
    const ids = new Set(found.map((c) => c.id));
    const rows = (await deps.services.balanceOverview()).filter((r) => ids.has(r.customerId));
    const message = balanceMessage(rows, t);
    await ack({ response_type: "ephemeral", text: message.text, blocks: [{ type: "section", text: mrkdwn(t("contracts.command.matches", { n: rows.length, query: text })) }, ...message.blocks] });
  });
}
