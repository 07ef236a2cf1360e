// A channel's customer workspaces or named approvers, submitted from a customer's detail. Managers only; what the
// modal offered is checked again against Slack now (a workspace still connected, a person of the customer's
// workspace), and a refusal is inline with nothing written (R-ROLE, R-INC-5).
import type { ViewSubmitAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { SlackDeps } from "../../deps.ts";
import { TenancyIds } from "../../ids.ts";
import { managerOf, refreshDetail, refusedSubmission } from "../../manager-action.ts";
import { managerNotice } from "../../views/contract-modals.ts";
import { parseChannelMetadata, teamLabel } from "../../views/tenancy-modals.ts";
import { escapeMrkdwn } from "../../views/text.ts";
import { readOptions, readUsers } from "../../view-values.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(TenancyIds.views.teams, async ({ ack, body, view, client }) => {
    const block = TenancyIds.inputs.customerTeams.block;
    const manager = managerOf(deps, body);
    const metadata = parseChannelMetadata(view.private_metadata);
    if (!manager.ok || !metadata) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, block));
      return;
    }
    const { t, actor } = manager.context;
    const { channelId } = metadata;
    const result = await deps.services.assignCustomerTeams({ channelId, teamIds: readOptions(view, TenancyIds.inputs.customerTeams), actorId: actor.userId, connectedOnly: true });
    if (!result.ok) {
      const text = result.reason === "not_connected" || result.reason === "invalid_team" ? t("tenancy.error.team_not_connected", { channel: channelId })
        : result.reason === "not_shared" ? t("tenancy.error.not_shared", { channel: channelId })
        : result.reason === "slack_unavailable" ? t("tenancy.error.slack_unavailable") : t("tenancy.error.unknown_channel");
      deps.logger.info("channel workspaces refused", { channelId, reason: result.reason, userId: actor.userId });
      await ack({ response_action: "errors", errors: { [block]: text } });
      return;
    }
    deps.logger.info("channel workspaces set", { channelId, userId: actor.userId });
    const teams = result.view.teams.filter((x) => x.role === "customer").map((x) => escapeMrkdwn(teamLabel({ id: x.teamId, name: x.teamName }))).join(", ");
    await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), t("tenancy.done.teams", { channel: channelId, teams }), t) });
    await refreshDetail(deps, client, metadata.detailViewId, metadata.customerId, t);
  });

  app.view<ViewSubmitAction>(TenancyIds.views.approvers, async ({ ack, body, view, client }) => {
    const block = TenancyIds.inputs.approvers.block;
    const manager = managerOf(deps, body);
    const metadata = parseChannelMetadata(view.private_metadata);
    if (!manager.ok || !metadata) {
      await ack(refusedSubmission(deps, manager.ok ? { ok: false, actor: null } : manager, block));
      return;
    }
    const { t, actor } = manager.context;
    const { channelId } = metadata;
    const result = await deps.services.assignApprovers({ channelId, userIds: readUsers(view, TenancyIds.inputs.approvers), actorId: actor.userId, customerMembersOnly: true });
    if (!result.ok) {
      const text = result.reason === "not_customer" ? t("tenancy.error.not_customer", { users: result.userIds.map((u) => `<@${u}>`).join(" ") })
        : result.reason === "no_customer_team" ? t("tenancy.error.no_customer_team", { channel: channelId })
        : result.reason === "slack_unavailable" ? t("tenancy.error.slack_unavailable")
        : result.reason === "invalid_user" ? t("error.generic") : t("tenancy.error.unknown_channel");
      deps.logger.info("channel approvers refused", { channelId, reason: result.reason, userId: actor.userId });
      await ack({ response_action: "errors", errors: { [block]: text } });
      return;
    }
    deps.logger.info("channel approvers set", { channelId, approvers: result.view.approvers.length, userId: actor.userId });
    const text = result.view.approvers.length
      ? t("tenancy.done.approvers", { channel: channelId, users: result.view.approvers.map((u) => `<@${u}>`).join(" ") })
      : t("tenancy.done.approvers_anyone", { channel: channelId });
    await ack({ response_action: "update", view: managerNotice(t("contracts.done.title"), text, t) });
    await refreshDetail(deps, client, metadata.detailViewId, metadata.customerId, t);
  });
}
