// "Renew" on a customer's detail: a modal for the new contract (R-CON-4).
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { Actions } from "../../ids.ts";
import { authorizeManager, detailViewOf, idOf, showModal } from "../../manager-action.ts";
import { managerNotice, renewContractModal } from "../../views/contract-modals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.renewContract, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const id = idOf(body.actions[0]?.value);
    const customer = id ? await deps.services.customerDetail(id) : null;
    const { t } = manager;
    await showModal(deps, client, body, customer
      ? renewContractModal({ requestKey: randomUUID(), customerId: customer.customerId, customerName: customer.name, detailViewId: detailViewOf(body) }, t)
      : managerNotice(t("contracts.modal.renew.title"), t("contracts.error.unknown_customer"), t));
  });
}
