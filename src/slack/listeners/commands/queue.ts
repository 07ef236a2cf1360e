// /queue: the engineers' queue with links and Take / Open, only to the engineer who asked (R-LIFE-5). Anyone else
// is politely refused and sees no customer's data.
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfUser, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Commands } from "../../ids.ts";
import { linksWithin, threadLinksOf } from "../../home/links.ts";
import { MESSAGE_QUEUE_ROWS, queueMessage } from "../../views/queue.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.command(Commands.queue, async ({ ack, command, client }) => {
    const actor = await actorOfUser(deps, command.user_id, command.team_id);
    const locale = localeFor(deps, actor, null);
    const roles = rolesIn(deps, actor, null);
    if (!can(roles, "case.work")) {
      await ack({ response_type: "ephemeral", text: t(locale, "refused.queue") });
      return;
    }
    const queue = await deps.services.loadQueue();
    // Links known from App Home come at once; new ones are asked of Slack for at most a second.
    const links = await linksWithin(threadLinksOf(deps).of(client, queue.rows.slice(0, MESSAGE_QUEUE_ROWS)), 1000);
    await ack({ response_type: "ephemeral", ...queueMessage(queue, translator(locale), links) });
  });
}
