// `channel show | customer-team | approvers | refresh`: a channel's customer workspaces and approvers, for
// managers. What a channel serves depends on them, so every change prints the channel as it now is.
import { assignApprovers, assignCustomerTeams, channelTenancy, type ChannelTenancyView } from "../../services/channel-tenancy.ts";
import { refreshChannelTeams } from "../../services/refresh-channel-teams.ts";
import { CliError, type CliContext } from "../context.ts";

const notRegistered = (channelId: string) => new CliError(`channel ${channelId} is not registered; register it with \`contract add\``);

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
}

export function describeChannel(view: ChannelTenancyView): string[] {
  const team = (t: { teamId: string; teamName: string | null }) => (t.teamName ? `${t.teamId} (${t.teamName})` : t.teamId);
  const of = (role: string) => view.teams.filter((t) => t.role === role).map(team);
  const customer = of("customer");
  return [
    `${view.channelId}: ${view.customerName} (${view.locale})`,
    `  customer workspaces: ${customer.length ? customer.join(", ") : "none — people outside T4U are refused here until one is registered"}`,
    ...(of("pending").length ? [`  waiting for a manager: ${of("pending").join(", ")} (served as outsiders until confirmed)`] : []),
    ...(of("excluded").length ? [`  not the customer: ${of("excluded").join(", ")}`] : []),
    `  approvers: ${view.approvers.length ? view.approvers.join(", ") : "anyone of the customer workspaces"}`,
  ];
}

export async function channelTenancyCommand(ctx: CliContext, command: string, channelId: string, values: { team?: string; users?: string; by?: string }): Promise<void> {
  const actorId = values.by ?? "cli";
  if (command === "show") {
    const view = await channelTenancy(ctx.deps, channelId);
    if (!view) throw notRegistered(channelId);
    describeChannel(view).forEach((l) => ctx.out(l));
    return;
  }
  if (command === "customer-team") {
    const teams = list(values.team);
    if (teams.length === 0) throw new CliError("--team is required: the customer's workspace id(s), like T0123ABCD");
    const result = await assignCustomerTeams(ctx.deps, { channelId, teamIds: teams, actorId });
    if (!result.ok) throw result.reason === "invalid_team" ? new CliError("--team must be workspace ids like T0123ABCD") : notRegistered(channelId);
    if (result.notConnected.length) ctx.out(`note: Slack does not show ${result.notConnected.join(", ")} as connected to ${channelId} yet`);
    describeChannel(result.view).forEach((l) => ctx.out(l));
    return;
  }
  if (command === "approvers") {
    if (values.users === undefined) throw new CliError("--users is required: user ids like U0123ABCD, comma-separated (--users= for anyone)");
    const result = await assignApprovers(ctx.deps, { channelId, userIds: list(values.users), actorId });
    if (!result.ok) throw result.reason === "invalid_user" ? new CliError("--users must be user ids like U0123ABCD") : notRegistered(channelId);
    describeChannel(result.view).forEach((l) => ctx.out(l));
    return;
  }
  if (command === "refresh") {
    const result = await refreshChannelTeams(ctx.deps, { channelId, actorId });
    if (!result.ok) {
      throw result.reason === "not_registered" ? notRegistered(channelId)
        : new CliError("Slack could not be asked which workspaces share the channel (is SLACK_BOT_TOKEN set?); name the customer's with `channel customer-team`", 1);
    }
    if (!result.shared) ctx.out(`${channelId} is not shared with another workspace yet`);
    const view = await channelTenancy(ctx.deps, channelId);
    if (view) describeChannel(view).forEach((l) => ctx.out(l));
    return;
  }
  throw new CliError(`unknown channel command: ${command}`);
}
