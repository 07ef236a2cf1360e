// A manager asks for the ledger as CSV (App Home button): the period is chosen in a small modal, this month so far
// by default.
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { Actions } from "../../ids.ts";
import { authorizeManager, showModal } from "../../manager-action.ts";
import { exportLedgerModal } from "../../views/contract-modals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.exportLedger, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const today = deps.calendar.localDate(deps.clock.now());
    await showModal(deps, client, body, exportLedgerModal({ requestKey: randomUUID(), from: `${today.slice(0, 8)}01`, to: today }, manager.t));
  });
}
