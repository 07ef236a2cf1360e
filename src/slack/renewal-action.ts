// The common edge of the customer's renewal and purchase controls: who clicked, in which customer channel, and
// whether they are that customer (checked on the server with the same role rules as a proposal's answer; a third
// workspace sharing the channel, or anyone of another customer, is refused before anything is read or written).
import type { WebClient } from "@slack/web-api";
import type { Locale } from "../config.ts";
import { can } from "../domain/roles.ts";
import type { RequestKind } from "../domain/renewal.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, str, type Actor, type ChannelContext } from "./actor.ts";
import type { SlackDeps } from "./deps.ts";
import { translator } from "./i18n/index.ts";
import { idOf } from "./manager-action.ts";
import { ephemeral } from "./reply.ts";
import { applicationModal } from "./views/renewal-message.ts";
import { customerRefusal } from "./refusals.ts";

export interface CustomerControl { actor: Actor; channel: ChannelContext; locale: Locale; contractId: number }

export async function authorizeCustomerControl(deps: SlackDeps, client: WebClient, body: { channel?: { id?: string }; actions: Array<{ value?: string }> }, raw: unknown): Promise<CustomerControl | null> {
  const actor = await actorOfInteraction(deps, raw);
  if (!actor) return null;
  const channel = await channelContext(deps, body.channel?.id);
  const roles = rolesIn(deps, actor, channel);
  const locale = localeFor(deps, actor, channel);
  if (!channel) {
    await ephemeral(client, deps.logger, body.channel?.id, actor.userId, customerRefusal(locale, deps.config.contact, "refused.not_registered"));
    return null;
  }
  if (!can(roles, "case.reply")) {
    deps.logger.info("renewal control refused", { channelId: channel.channelId, userId: actor.userId });
    await ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "renewal.refused.customer"));
    return null;
  }
  const contractId = idOf(body.actions[0]?.value);
  if (!contractId) {
    await ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "renewal.refused.unknown"));
    return null;
  }
  return { actor, channel, locale, contractId };
}

/** Opens the application modal for the clicker; false (and the clicker told why) when it cannot be opened. */
export async function openApplication(deps: SlackDeps, client: WebClient, ctx: CustomerControl, triggerId: unknown, kind: RequestKind, requestKey: string): Promise<boolean> {
  const form = await deps.services.prepareApplication({ customerId: ctx.channel.customerId, contractId: ctx.contractId, kind });
  if (!form.ok) {
    await ephemeral(client, deps.logger, ctx.channel.channelId, ctx.actor.userId, customerRefusal(ctx.locale, deps.config.contact, form.reason === "ended" ? "renewal.refused.ended" : "renewal.refused.unknown"));
    return false;
  }
  const trigger = str(triggerId);
  if (!trigger) return true;
  await client.views.open({
    trigger_id: trigger,
    view: applicationModal({ requestKey, channelId: ctx.channel.channelId, contractId: ctx.contractId, kind, ...form }, translator(ctx.locale)),
  }).catch((error: unknown) => deps.logger.warn("application modal could not be opened", { error: error instanceof Error ? error.message : String(error) }));
  return true;
}
