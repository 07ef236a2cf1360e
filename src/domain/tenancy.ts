// Which workspaces of a shared channel are the customer's (R-ROLE). Decided from what Slack says is connected to
// the channel and what a manager chose; never from who clicks first.

/** A workspace connected to a channel through Slack Connect, other than T4U's own. */
export interface ConnectedTeam { id: string; name: string | null }

/** What Slack says of a channel's connections. */
export type ChannelConnections =
  | { shared: true; teams: readonly ConnectedTeam[] }
  | { shared: false };

export type TeamRole = "customer" | "pending" | "excluded";

export interface TeamDecision { teamId: string; teamName: string | null; role: TeamRole }

export type TenancyError =
  /** Several outside workspaces are connected and the manager has not said which is the customer's. */
  | "choose_team"
  /** The manager named a workspace that is not connected to the channel. */
  | "team_not_connected";

export type TenancyDecision =
  | { ok: true; teams: TeamDecision[]; shared: boolean }
  | { ok: false; error: TenancyError; teams: readonly ConnectedTeam[] };

/**
 * The customer workspace(s) of a channel being registered. With one outside workspace connected, it is the
 * customer's. With several, the manager names one (`chosen`); the others are excluded, so their people are served
 * as outsiders. A channel not yet shared gets no customer workspace: it serves no outsider until it is shared and
 * the app (or a manager) decides. A workspace the manager names while Slack cannot be asked is taken as said.
 */
export function decideCustomerTeams(connections: ChannelConnections | null, chosen: string | null): TenancyDecision {
  if (connections === null) {
    return chosen ? { ok: true, shared: true, teams: [{ teamId: chosen, teamName: null, role: "customer" }] } : { ok: true, shared: false, teams: [] };
  }
  if (!connections.shared) {
    return chosen ? { ok: false, error: "team_not_connected", teams: [] } : { ok: true, shared: false, teams: [] };
  }
  const teams = connections.teams;
  if (chosen && !teams.some((t) => t.id === chosen)) return { ok: false, error: "team_not_connected", teams };
  const customer = chosen ?? (teams.length === 1 ? teams[0]?.id : undefined);
  if (teams.length > 0 && customer === undefined) return { ok: false, error: "choose_team", teams };
  return {
    ok: true, shared: true,
    teams: teams.map((t) => ({ teamId: t.id, teamName: t.name, role: t.id === customer ? "customer" : "excluded" })),
  };
}

/**
 * What to do when a registered channel's connections change (it became shared, a workspace joined or left).
 * Decisions a manager made stay. The app decides alone only the plain case — a channel with no customer workspace
 * yet and exactly one outside workspace — and marks every other new workspace pending, for a manager to confirm.
 */
export function reconcileTeams(known: readonly TeamDecision[], connected: readonly ConnectedTeam[]): TeamDecision[] {
  const knownIds = new Set(known.map((t) => t.teamId));
  const fresh = connected.filter((t) => !knownIds.has(t.id));
  const hasCustomer = known.some((t) => t.role === "customer");
  const plain = !hasCustomer && known.length === 0 && connected.length === 1;
  // A workspace that left keeps its row: if it connects again, what a manager decided for it still holds.
  return fresh.map((t): TeamDecision => ({ teamId: t.id, teamName: t.name, role: plain ? "customer" : "pending" }));
}
