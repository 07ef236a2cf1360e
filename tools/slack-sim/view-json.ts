import type { SlackView } from "./types.ts";

/** Where a view is being described: to the app in a payload (the user's team, their input) or by views.* methods. */
export interface ViewJsonContext { teamId: string; appId: string; botId: string; installedTeamId: string; state: unknown }

/** A view as Slack describes it, in a Web API answer or an interaction payload alike. */
export function viewJson(view: SlackView, ctx: ViewJsonContext): Record<string, unknown> {
  return {
    id: view.id,
    team_id: ctx.teamId,
    type: view.type,
    blocks: view.blocks,
    private_metadata: view.private_metadata,
    callback_id: view.callback_id,
    state: ctx.state,
    hash: view.hash,
    title: view.title ?? null,
    clear_on_close: view.clear_on_close,
    notify_on_close: view.notify_on_close,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: view.previous_view_id,
    root_view_id: view.root_view_id,
    app_id: ctx.appId,
    external_id: view.external_id,
    app_installed_team_id: ctx.installedTeamId,
    bot_id: ctx.botId,
  };
}
