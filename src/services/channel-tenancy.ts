// A manager looks after a channel's tenancy: which connected workspaces are the customer's, and which customer
// people may approve raised incident counts (R-ROLE, R-INC-5).
import { approversOf, recordConnectedTeams, setApprovers, setCustomerTeams, teamsOf, type ChannelTeamRow } from "../db/channels/teams.ts";
import { isRegisteredChannel, tenancyChannel } from "../db/channels/tenancy.ts";
import type { ChannelConnections } from "../domain/tenancy.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ChannelTenancyView {
  channelId: string;
  customerId: number;
  customerName: string;
  locale: string;
  teams: ChannelTeamRow[];
  approvers: string[];
}

const TEAM = /^[TE][A-Z0-9]{2,}$/;
const USER = /^[UW][A-Z0-9]{2,}$/;

export async function channelTenancy(deps: ServiceDeps, channelId: string): Promise<ChannelTenancyView | null> {
  const channel = await tenancyChannel(deps.db.client, channelId);
  if (!channel) return null;
  return { channelId, customerId: channel.customerId, customerName: channel.customer.name, locale: channel.locale, teams: await teamsOf(deps.db.client, channelId), approvers: await approversOf(deps.db.client, channelId) };
}

export type SetCustomerTeamsResult =
  | { ok: true; view: ChannelTenancyView; notConnected: string[] }
  | { ok: false; reason: "not_registered" | "invalid_team" | "slack_unavailable" | "not_shared" }
  | { ok: false; reason: "not_connected"; teamIds: string[] };

/** What Slack says is connected to a channel now (null: Slack could not be asked), for a manager to choose from. */
export async function channelConnections(deps: ServiceDeps, channelId: string): Promise<ChannelConnections | null> {
  return deps.workspaces ? deps.workspaces.connections(channelId) : null;
}

/**
 * The manager's word: these workspaces are the channel's customer, every other connected one is not. On the command
 * line a workspace Slack does not show as connected is still recorded (the manager may be ahead of Slack), and the
 * caller says so. `connectedOnly` (what Slack offered in a modal): each must be connected now, as Slack says at this
 * moment, or nothing is written — a value forged into the submission names no other workspace.
 */
export async function assignCustomerTeams(deps: ServiceDeps, input: { channelId: string; teamIds: string[]; actorId: string; connectedOnly?: boolean }): Promise<SetCustomerTeamsResult> {
  const teamIds = [...new Set(input.teamIds)];
  if (teamIds.length === 0 || teamIds.some((t) => !TEAM.test(t))) return { ok: false, reason: "invalid_team" };
  if (!await isRegisteredChannel(deps.db.client, input.channelId)) return { ok: false, reason: "not_registered" };
  const connections = deps.workspaces ? await deps.workspaces.connections(input.channelId) : null;
  const connected = connections?.shared ? connections.teams : [];
  const names = new Map(connected.map((t) => [t.id, t.name]));
  if (input.connectedOnly) {
    if (connections === null) return { ok: false, reason: "slack_unavailable" };
    if (!connections.shared) return { ok: false, reason: "not_shared" };
    const strangers = teamIds.filter((t) => !names.has(t));
    if (strangers.length) return { ok: false, reason: "not_connected", teamIds: strangers };
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Connected workspaces nobody has decided on yet are recorded first, so that they too become "not the customer".
    await recordConnectedTeams(tx, input.channelId, connected, now);
    await setCustomerTeams(tx, input.channelId, teamIds, names, input.actorId, now);
  });
  const view = await channelTenancy(deps, input.channelId);
  if (!view) return { ok: false, reason: "not_registered" };
  return { ok: true, view, notConnected: connections === null ? [] : teamIds.filter((t) => !names.has(t)) };
}

/** Who may answer proposals in a channel; empty: anyone of the customer's workspaces. */
export function channelApprovers(deps: ServiceDeps, channelId: string): Promise<string[]> {
  return approversOf(deps.db.client, channelId);
}

export type SetApproversResult =
  | { ok: true; view: ChannelTenancyView }
  | { ok: false; reason: "not_registered" | "invalid_user" | "no_customer_team" | "slack_unavailable" }
  | { ok: false; reason: "not_customer"; userIds: string[] };

/**
 * Names the only customer people who may approve raised incident counts; an empty list lets any of them.
 * `customerMembersOnly` (a modal's people picker offers everyone Slack knows): each must be, as Slack says now, of
 * one of the channel's customer workspaces, or nothing is written.
 */
export async function assignApprovers(deps: ServiceDeps, input: { channelId: string; userIds: string[]; actorId: string; customerMembersOnly?: boolean }): Promise<SetApproversResult> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.some((u) => !USER.test(u))) return { ok: false, reason: "invalid_user" };
  if (!await isRegisteredChannel(deps.db.client, input.channelId)) return { ok: false, reason: "not_registered" };
  if (input.customerMembersOnly && userIds.length) {
    const customerTeams = new Set((await teamsOf(deps.db.client, input.channelId)).filter((t) => t.role === "customer").map((t) => t.teamId));
    if (customerTeams.size === 0) return { ok: false, reason: "no_customer_team" };
    const workspaces = deps.workspaces;
    if (!workspaces?.workspaceOf) return { ok: false, reason: "slack_unavailable" };
    const outsiders: string[] = [];
    // Asked before the transaction: no network call ever holds a database lock.
    for (const userId of userIds) {
      const found = await workspaces.workspaceOf(userId);
      if (!found.ok) return { ok: false, reason: "slack_unavailable" };
      if (found.teamId === null || !customerTeams.has(found.teamId)) outsiders.push(userId);
    }
    if (outsiders.length) return { ok: false, reason: "not_customer", userIds: outsiders };
  }
  await deps.db.transaction((tx) => setApprovers(tx, input.channelId, userIds, input.actorId, deps.clock.now()));
  const view = await channelTenancy(deps, input.channelId);
  return view ? { ok: true, view } : { ok: false, reason: "not_registered" };
}
