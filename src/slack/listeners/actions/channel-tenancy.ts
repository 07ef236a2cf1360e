// 「ワークスペースを変更」 and 「承認者を指定」 on a channel's line in a customer's detail: the modals that set the
// channel's customer workspaces (among those Slack says are connected now) and its named approvers. Managers only,
// decided on the server.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { TenancyIds } from "../../ids.ts";
import { authorizeManager, detailViewOf, showModal } from "../../manager-action.ts";
import { managerNotice } from "../../views/contract-modals.ts";
import { channelApproversModal, channelTeamsModal } from "../../views/tenancy-modals.ts";

const CHANNEL = /^[CG][A-Z0-9]{2,}$/;
const channelOf = (value: string | undefined) => (value && CHANNEL.test(value) ? value : null);

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(TenancyIds.actions.editTeams, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const { t } = manager;
    const channelId = channelOf(body.actions[0]?.value);
    const tenancy = channelId ? await deps.services.channelTenancy(channelId) : null;
    const notice = (text: string) => showModal(deps, client, body, managerNotice(t("tenancy.teams.title"), text, t));
    if (!channelId || !tenancy) return notice(t("tenancy.error.unknown_channel"));
    // One conversations.info (and team.info for names not yet known) before the trigger's three seconds run out.
    const connections = await deps.services.channelConnections(channelId);
    if (connections === null) return notice(t("tenancy.error.slack_unavailable"));
    if (!connections.shared || connections.teams.length === 0) return notice(t("tenancy.error.not_shared", { channel: channelId }));
    await showModal(deps, client, body, channelTeamsModal({
      metadata: { channelId, customerId: tenancy.customerId, detailViewId: detailViewOf(body) }, customerName: tenancy.customerName,
      connected: connections.teams, customerTeams: tenancy.teams.filter((x) => x.role === "customer").map((x) => x.teamId),
    }, t));
  });

  app.action<BlockAction<ButtonAction>>(TenancyIds.actions.editApprovers, async ({ ack, body, client }) => {
    await ack();
    const manager = await authorizeManager(deps, client, body);
    if (!manager) return;
    const { t } = manager;
    const channelId = channelOf(body.actions[0]?.value);
    const tenancy = channelId ? await deps.services.channelTenancy(channelId) : null;
    const notice = (text: string) => showModal(deps, client, body, managerNotice(t("tenancy.approvers.title"), text, t));
    if (!channelId || !tenancy) return notice(t("tenancy.error.unknown_channel"));
    const customerTeams = tenancy.teams.filter((x) => x.role === "customer");
    if (customerTeams.length === 0) return notice(t("tenancy.error.no_customer_team", { channel: channelId }));
    await showModal(deps, client, body, channelApproversModal({
      metadata: { channelId, customerId: tenancy.customerId, detailViewId: detailViewOf(body) }, customerName: tenancy.customerName,
      approvers: tenancy.approvers, customerTeams: customerTeams.map((x) => ({ id: x.teamId, name: x.teamName })),
    }, t));
  });
}
