// The refresh button on App Home: publishes the clicker's Home again, for what their role lets them see.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { actorOfInteraction } from "../../actor.ts";
import { publishHome } from "../../home/publish-home.ts";
import { Actions } from "../../ids.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(Actions.refreshHome, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    await publishHome(deps, client, actor);
  });
}
