// 「追加購入のご相談」 on the exhausted-balance notice: the customer's application modal for more incidents.
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { RenewalIds } from "../../ids.ts";
import { authorizeCustomerControl, openApplication } from "../../renewal-action.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(RenewalIds.actions.applyAddition, async ({ ack, body, client }) => {
    await ack();
    const ctx = await authorizeCustomerControl(deps, client, body, body);
    if (ctx) await openApplication(deps, client, ctx, body.trigger_id, "addition", randomUUID());
  });
}
