// The app itself was added to a channel (again): messages held because it was not in the channel, or could not see
// it, are sent now. Someone else joining changes nothing here. Delivered twice, the second finds nothing held.
import type { Listeners } from "../../listener-router.ts";
import { str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { FIXED_BY_JOINING } from "../../outbox/holds.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.event("member_joined_channel", async ({ event, context }) => {
    const channelId = str((event as { channel?: unknown }).channel);
    const userId = str((event as { user?: unknown }).user);
    if (!channelId || !userId || userId !== context.botUserId) return;
    const released = await deps.services.releaseHeldMessages({ channelId, causes: FIXED_BY_JOINING });
    deps.logger.info("app joined a channel", { channelId, released });
  });
}
