// A manager starts registering a customer and its contract (App Home button, R-CON-5).
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { Actions } from "../../ids.ts";
import { authorizeManager, showModal } from "../../manager-action.ts";
import { registerContractModal } from "../../views/contract-modals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.registerContract, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    await showModal(deps, client, body, registerContractModal(randomUUID(), manager.t));
  });
}
