// "Adjust" on a contract: a modal for a signed correction with a required reason (R-CON-7).
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { Actions } from "../../ids.ts";
import { authorizeManager, detailViewOf, idOf, showModal } from "../../manager-action.ts";
import { adjustBalanceModal, managerNotice } from "../../views/contract-modals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.adjustBalance, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const id = idOf(body.actions[0]?.value);
    const [c] = id ? await deps.services.listContracts({ contractId: id }) : [];
    const { t } = manager;
    await showModal(deps, client, body, c
      ? adjustBalanceModal(randomUUID(), { contractId: c.id, ...c }, t, detailViewOf(body))
      : managerNotice(t("contracts.modal.adjust.title"), t("contracts.error.unknown_contract"), t));
  });
}
