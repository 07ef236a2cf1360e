// A registered channel's Slack Connect connections changed (it became shared, a workspace joined), or the app
// starts with channels that have no customer workspace yet. The app asks Slack, decides alone only the plain case
// (one outside workspace and none decided before), and asks managers in the triage channel to confirm the rest.
import { addTeams, channelsWithoutCustomerTeam, teamsOf } from "../db/channels/teams.ts";
import { customerNameOfChannel, isRegisteredChannel } from "../db/channels/tenancy.ts";
import { reconcileTeams, type TeamDecision } from "../domain/tenancy.ts";
import { alertManagers } from "./engineer-alert.ts";
import type { ServiceDeps } from "./deps.ts";

export type RefreshChannelTeamsResult =
  | { ok: true; added: TeamDecision[]; shared: boolean }
  | { ok: false; reason: "not_registered" | "slack_unavailable" };

export async function refreshChannelTeams(deps: ServiceDeps, input: { channelId: string; actorId: string }): Promise<RefreshChannelTeamsResult> {
  if (!await isRegisteredChannel(deps.db.client, input.channelId)) return { ok: false, reason: "not_registered" };
  // Slack first, outside the transaction: no network call holds a database lock.
  const connections = deps.workspaces ? await deps.workspaces.connections(input.channelId) : null;
  if (connections === null) return { ok: false, reason: "slack_unavailable" };
  if (!connections.shared) return { ok: true, added: [], shared: false };
  const now = deps.clock.now();
  const added = await deps.db.transaction(async (tx) => {
    const known = await teamsOf(tx, input.channelId);
    const add = reconcileTeams(known.map((t) => ({ teamId: t.teamId, teamName: t.teamName, role: t.role })), connections.teams);
    await addTeams(tx, input.channelId, add, input.actorId, now);
    const pending = add.filter((t) => t.role === "pending");
    if (pending.length) {
      const customer = await customerNameOfChannel(tx, input.channelId);
      const teams = pending.map((t) => (t.teamName ? `${t.teamName} (${t.teamId})` : t.teamId)).join(", ");
      await alertManagers(tx, deps, { notice: "alert.channel_teams_pending", params: { customer, channel: input.channelId, teams } }, {
        at: now, dedupeKey: `channel-teams:${input.channelId}:${pending.map((t) => t.teamId).sort().join(",")}`,
      });
    }
    return add;
  });
  if (added.length) deps.onOutbox?.();
  return { ok: true, added, shared: true };
}

/**
 * At start: channels that have no customer workspace yet (registered before the channel was shared, while Slack
 * could not be asked, or by an earlier version that learned workspaces from the first case) are read from Slack.
 * One channel failing never stops the others.
 */
export async function refreshUnboundChannels(deps: ServiceDeps, onError: (channelId: string, error: unknown) => void): Promise<number> {
  let refreshed = 0;
  for (const channelId of await channelsWithoutCustomerTeam(deps.db.client)) {
    try {
      const result = await refreshChannelTeams(deps, { channelId, actorId: "app" });
      if (result.ok && result.added.length) refreshed += 1;
    } catch (error) {
      onError(channelId, error);
    }
  }
  return refreshed;
}
