// Who is acting, and in what role, parsed from a Slack payload at the edge. Roles are decided on the server from
// configuration and the channel's registration; nothing in the payload is taken as proof of a role.
import { rolesOf, type Role } from "../domain/roles.ts";
import type { Locale } from "../config.ts";
import { localeFrom } from "./i18n/index.ts";
import type { SlackDeps } from "./deps.ts";

export interface Actor { userId: string; teamId: string | undefined; locale: Locale }

export interface ChannelContext {
  channelId: string;
  customerId: number;
  customerName: string;
  slackTeamId: string | null;
  locale: Locale;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The acting user of an interaction (block_actions, view_submission, shortcut). */
export function actorOfInteraction(body: unknown, fallback: Locale): Actor | null {
  const user = record(record(body)?.user);
  const userId = str(user?.id);
  if (!userId) return null;
  return { userId, teamId: str(user?.team_id) ?? str(record(record(body)?.team)?.id), locale: localeFrom(str(user?.locale) ?? str(record(body)?.locale), fallback) };
}

export async function channelContext(deps: SlackDeps, channelId: string | undefined): Promise<ChannelContext | null> {
  if (!channelId) return null;
  const channel = await deps.db.client.customerChannel.findUnique({ where: { channelId }, include: { customer: true } });
  if (!channel) return null;
  return {
    channelId, customerId: channel.customerId, customerName: channel.customer.name,
    slackTeamId: channel.customer.slackTeamId, locale: channel.locale === "en" ? "en" : "ja",
  };
}

export function rolesIn(deps: SlackDeps, actor: { userId: string; teamId: string | undefined }, channel: ChannelContext | null): Set<Role> {
  return rolesOf(actor, deps.directory, channel ? { customerId: channel.customerId, slackTeamId: channel.slackTeamId } : undefined);
}

/** The language to answer a person in: a customer channel's setting for customers, else their Slack locale. */
export function localeFor(actor: Actor, channel: ChannelContext | null, roles: Set<Role>): Locale {
  return roles.has("customer") && channel ? channel.locale : actor.locale;
}
