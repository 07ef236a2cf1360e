// "Additional purchase" on a contract: a modal saying which contract the incidents join (R-CON-3).
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { Actions } from "../../ids.ts";
import { authorizeManager, detailViewOf, idOf, showModal } from "../../manager-action.ts";
import { addIncidentsModal, managerNotice } from "../../views/contract-modals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.addIncidents, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const id = idOf(body.actions[0]?.value);
    const [c] = id ? await deps.services.listContracts({ contractId: id }) : [];
    const { t } = manager;
    if (!c) return showModal(deps, client, body, managerNotice(t("contracts.modal.add.title"), t("contracts.error.unknown_contract"), t));
    if (c.status !== "active" && c.status !== "upcoming") {
      return showModal(deps, client, body, managerNotice(t("contracts.modal.add.title"), t("contracts.error.not_in_force", { status: t(`contracts.status.${c.status}`) }), t));
    }
    await showModal(deps, client, body, addIncidentsModal(randomUUID(), { contractId: c.id, ...c }, t, detailViewOf(body)));
  });
}
