// The Slack side of tenancy: which outside workspaces a channel is connected to, read from conversations.info
// (connected_team_ids on a Slack Connect channel) and named with team.info, and which workspace a person is of
// (users.info), for naming approvers only among the customer's people.
import type { WebClient } from "@slack/web-api";
import { LRUCache } from "lru-cache";
import type { ChannelConnections, ConnectedTeam } from "../domain/tenancy.ts";
import type { Logger } from "../logger.ts";
import type { WorkspaceDirectory } from "../services/deps.ts";

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && /^[TE][A-Z0-9]{2,}$/.test(v)) : [];
}

/** `homeTeamId` null: T4U's own workspace is asked of Slack (auth.test) on first use, as the command line does. */
export function slackWorkspaces(client: WebClient, homeTeamId: string | null, logger: Logger): WorkspaceDirectory {
  // Workspace names by team id, so that registering one more channel of a customer does not ask again. Every
  // workspace ever connected to one of the app's channels would stay for the life of the process; the thousand
  // asked about most recently are more than the customers a desk serves, and a forgotten one is asked again.
  const names = new LRUCache<string, string>({ max: 1_000 });
  let home: Promise<string | null> | null = homeTeamId ? Promise.resolve(homeTeamId) : null;
  const homeTeam = () => (home ??= client.auth.test().then((r) => r.team_id ?? null, () => {
    home = null;
    return null;
  }));
  async function nameOf(teamId: string): Promise<string | null> {
    const known = names.get(teamId);
    if (known !== undefined) return known;
    // A name is a convenience for managers; without team:read or for a team Slack will not describe, the id serves.
    const name = await client.team.info({ team: teamId }).then((r) => r.team?.name ?? null, () => null);
    if (name) names.set(teamId, name);
    return name;
  }
  return {
    async workspaceOf(userId: string) {
      try {
        const info = await client.users.info({ user: userId });
        return { ok: true as const, teamId: info.user?.team_id ?? null };
      } catch (error) {
        // Slack says so when there is no such person; anything else is Slack not answering.
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code === "user_not_found") return { ok: true as const, teamId: null };
        logger.warn("could not read a person's workspace from Slack", { userId, error: error instanceof Error ? error.message : String(error) });
        return { ok: false as const };
      }
    },
    async connections(channelId: string): Promise<ChannelConnections | null> {
      const own = await homeTeam();
      if (own === null) return null;
      let channel: Record<string, unknown>;
      try {
        const info = await client.conversations.info({ channel: channelId });
        channel = (info.channel ?? {}) as Record<string, unknown>;
      } catch (error) {
        logger.warn("could not read a channel's connections from Slack", { channelId, error: error instanceof Error ? error.message : String(error) });
        return null;
      }
      const connected = new Set([...ids(channel.connected_team_ids), ...ids(channel.shared_team_ids)]);
      connected.delete(own);
      if (channel.is_ext_shared !== true && connected.size === 0) return { shared: false };
      const teams: ConnectedTeam[] = [];
      for (const id of connected) teams.push({ id, name: await nameOf(id) });
      return { shared: true, teams };
    },
  };
}
