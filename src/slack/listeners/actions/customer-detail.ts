// "Details" on a row of the balance overview: the customer's contracts, their buttons, and the recent ledger.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { Actions } from "../../ids.ts";
import { authorizeManager, idOf, showModal } from "../../manager-action.ts";
import { managerNotice } from "../../views/contract-modals.ts";
import { customerDetailModal } from "../../views/customer-detail.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.customerDetail, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const id = idOf(body.actions[0]?.value);
    const detail = id ? await deps.services.customerDetail(id) : null;
    const { t } = manager;
    await showModal(deps, client, body, detail
      ? customerDetailModal(detail, deps.calendar.timezone, t)
      : managerNotice(t("contracts.detail.title"), t("contracts.error.unknown_customer"), t));
  });
}
