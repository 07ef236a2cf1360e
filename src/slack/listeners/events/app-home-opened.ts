// App Home is published afresh each time someone opens it, for what their role lets them see: the queue for
// engineers, balances for managers, a short explanation for anyone else.
import type { Listeners } from "../../listener-router.ts";
import { str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { publishHome } from "../../home/publish-home.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    // The same event reports opening the Messages tab; only the Home tab is ours to draw.
    if (event.tab !== "home") return;
    const userId = str(event.user);
    if (!userId) return;
    await publishHome(deps, client, { userId, teamId: str(body.team_id) });
  });
}
