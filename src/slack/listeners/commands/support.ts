// /support: T4U's own people open a case on a customer's behalf. Run inside a customer channel the channel is
// known; elsewhere they pick it in the modal. (Customers in Slack Connect cannot run our commands.)
// `/support entry` in a customer channel posts its "open a case" message again and pins it.
// Slack's trigger_id lasts 3 seconds from the command, so the modal opens at once with a loading view and becomes
// the form once the person's language, the channel and its contracts are read (as the open-case button does).
import { randomUUID } from "node:crypto";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfUser, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { Commands, SupportCommands } from "../../ids.ts";
import { fillLoading, openLoading } from "../../loading-modal.ts";
import { openCaseModal } from "../../views/open-case-modal.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.command(Commands.support, async ({ ack, command, client }) => {
    // Engineers and managers are known by their user id alone: whether the command is theirs needs no look-up.
    const roles = rolesIn(deps, { userId: command.user_id, teamId: command.team_id }, null);
    if (!can(roles, "case.work") && !can(roles, "contracts.manage")) {
      const actor = await actorOfUser(deps, command.user_id, command.team_id);
      await ack({ response_type: "ephemeral", text: t(localeFor(deps, actor, null), "refused.role") });
      return;
    }
    if (command.text.trim().toLowerCase() === SupportCommands.entry) {
      const locale = localeFor(deps, await actorOfUser(deps, command.user_id, command.team_id), null);
      const channel = await channelContext(deps, command.channel_id);
      const result = channel ? await deps.services.repostEntry({ channelId: channel.channelId }) : null;
      await ack({ response_type: "ephemeral", text: result?.ok ? t(locale, "support.entry_posted", { channel: command.channel_id }) : t(locale, "support.entry_where") });
      return;
    }
    await ack();
    // The trigger lasts 3 s from the command: the modal opens before the person's language or the channel is read.
    const loading = await openLoading(client, deps, { trigger_id: command.trigger_id, channel: { id: command.channel_id } }, command.user_id, (tr) => tr("modal.open.retry_command"));
    if (!loading) return;
    await fillLoading(client, deps, loading, command.user_id, async () => {
      const actor = await actorOfUser(deps, command.user_id, command.team_id);
      const channel = await channelContext(deps, command.channel_id);
      const channels = channel ? [] : await deps.services.channelChoices();
      const prep = channel ? await deps.services.prepareCaseModal({ customerId: channel.customerId, channelId: channel.channelId }) : null;
      return openCaseModal({
        metadata: { requestKey: randomUUID(), channelId: channel?.channelId ?? null, sourceTs: null, previousCaseId: null },
        channels,
        available: prep?.available ?? null,
        blocked: prep?.blocked ? { reason: prep.blocked, contact: deps.config.contact } : null,
      }, translator(localeFor(deps, actor, null)));
    });
  });
}
