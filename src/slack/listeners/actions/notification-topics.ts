// App Home's notification checkboxes: an engineer turns kinds of personal notification on or off. Only engineers
// have them; the Home tab is published again so it shows what is stored.
import type { BlockAction, CheckboxesAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { parseTopic, type NotificationTopic } from "../../../domain/notification.ts";
import { rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { publishHome } from "../../home/publish-home.ts";
import { CaseworkIds } from "../../ids.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<CheckboxesAction>>(CaseworkIds.actions.notificationKinds, async ({ ack, body, client }) => {
    await ack();
    // Only who clicked matters here (their role, their Home): no language is needed to store a switch.
    const actor = { userId: body.user.id, teamId: body.user.team_id ?? body.team?.id };
    if (!can(rolesIn(deps, actor, null), "case.work")) return;
    const action = body.actions[0];
    const ticked = (action?.selected_options ?? []).flatMap((o) => {
      const topic = typeof o.value === "string" ? parseTopic(o.value) : null;
      return topic ? [topic] : [];
    });
    await deps.services.setNotificationTopics({ userId: actor.userId, enabled: new Set<NotificationTopic>(ticked) });
    deps.logger.info("notification topics set", { userId: actor.userId, enabled: ticked });
    await publishHome(deps, client, actor);
  });
  // 「開く」 is a link: Slack opens it and still reports the click, which needs only its acknowledgement.
  app.action(CaseworkIds.actions.openThread, async ({ ack }) => {
    await ack();
  });
}
