// The common edge of every engineer control on a case: parse the case id, find the channel, check the role on
// the server. Returns what the handler needs, or answers the clicker with why nothing happened.
import type { WebClient } from "@slack/web-api";
import type { Locale } from "../config.ts";
import { can, type Permission, type Role } from "../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, type Actor, type ChannelContext } from "./actor.ts";
import type { SlackDeps } from "./deps.ts";
import { t } from "./i18n/index.ts";
import { ephemeral } from "./reply.ts";

export interface CaseActionContext {
  actor: Actor;
  caseId: number;
  channel: ChannelContext | null;
  roles: Set<Role>;
  locale: Locale;
  /** Where to answer the clicker: the channel the button was clicked in. */
  replyChannel: string | undefined;
}

/** Action values are "<caseId>" (buttons) or "<action>:<caseId>" (overflow options). */
export function caseIdOf(value: unknown): number | null {
  // Typed as a string by Bolt, but whatever the payload carried: anything else names no case.
  if (typeof value !== "string") return null;
  const id = Number(value.split(":").at(-1));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export async function authorizeCaseAction(
  deps: SlackDeps, client: WebClient, body: unknown, value: string | undefined, permission: Permission,
): Promise<CaseActionContext | null> {
  const actor = actorOfInteraction(body, deps.config.defaultLocale);
  if (!actor) return null;
  const replyChannel = channelOf(body);
  const caseId = caseIdOf(value);
  const found = caseId ? await deps.db.client.case.findUnique({ where: { id: caseId }, select: { channelId: true } }) : null;
  const channel = await channelContext(deps, found?.channelId);
  const roles = rolesIn(deps, actor, channel);
  const locale = localeFor(actor, channel, roles);
  if (!caseId || !found) {
    await ephemeral(client, deps.logger, replyChannel, actor.userId, t(locale, "refused.unknown_case"));
    return null;
  }
  if (!can(roles, permission)) {
    deps.logger.info("action refused", { caseId, permission, userId: actor.userId });
    const key = permission === "case.reply" ? "refused.customer" : permission === "contracts.manage" ? "refused.manager" : "refused.role";
    await ephemeral(client, deps.logger, replyChannel, actor.userId, t(locale, key));
    return null;
  }
  return { actor, caseId, channel, roles, locale, replyChannel };
}

function channelOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const channel = (body as { channel?: { id?: unknown } }).channel;
  return typeof channel?.id === "string" ? channel.id : undefined;
}
