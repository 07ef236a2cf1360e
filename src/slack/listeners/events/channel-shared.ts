// A registered channel became shared with a workspace (Slack Connect accepted): the app reads the channel's
// connections again. Delivered twice or late, it changes nothing more: decisions already recorded stay.
import type { Listeners } from "../../listener-router.ts";
import { str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.event("channel_shared", async ({ event }) => {
    const channelId = str((event as { channel?: unknown }).channel);
    if (!channelId) return;
    const result = await deps.services.refreshChannelTeams({ channelId, actorId: "slack" });
    if (result.ok && result.added.length) {
      deps.logger.info("channel workspaces updated", { channelId, added: result.added.map((t) => `${t.teamId}:${t.role}`) });
    }
  });
}
