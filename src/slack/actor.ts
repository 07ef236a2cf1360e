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
  /** Workspaces whose people are this channel's customer (registered, or confirmed by a manager). */
  customerTeamIds: readonly string[];
  locale: Locale;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

/** A lone UTF-16 surrogate (never in Slack's own payloads) cannot be stored as text; PostgreSQL refuses NUL. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A non-empty string from a payload, or undefined; one that no database could store counts as absent too. */
export function str(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.includes("\u0000")) return undefined;
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(value) ? undefined : value;
}

/** People's words from a payload: what cannot be stored is replaced or dropped, never the whole text. */
export function words(value: unknown): string {
  return typeof value === "string" ? value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD") : "";
}

/** The acting user of an interaction (block_actions, view_submission, shortcut). */
export function actorOfInteraction(body: unknown, fallback: Locale): Actor | null {
  const user = record(record(body)?.user);
  const userId = str(user?.id);
  if (!userId) return null;
  return { userId, teamId: str(user?.team_id) ?? str(record(record(body)?.team)?.id), locale: localeFrom(str(user?.locale) ?? str(record(body)?.locale), fallback) };
}

export async function channelContext(deps: SlackDeps, rawChannelId: string | undefined): Promise<ChannelContext | null> {
  // Callers pass ids straight from payloads, where a malformed one may be of any type.
  const channelId = str(rawChannelId);
  if (!channelId) return null;
  const channel = await deps.db.client.customerChannel.findUnique({
    where: { channelId },
    include: { customer: { select: { name: true } }, teams: { where: { role: "customer" }, select: { teamId: true } } },
  });
  if (!channel) return null;
  return {
    channelId, customerId: channel.customerId, customerName: channel.customer.name,
    customerTeamIds: channel.teams.map((t) => t.teamId), locale: channel.locale === "en" ? "en" : "ja",
  };
}

export function rolesIn(deps: SlackDeps, actor: { userId: string; teamId: string | undefined }, channel: ChannelContext | null): Set<Role> {
  return rolesOf(actor, deps.directory, channel ? { customerId: channel.customerId, customerTeamIds: channel.customerTeamIds } : undefined);
}

/** The language to answer a person in: a customer channel's setting for customers, else their Slack locale. */
export function localeFor(actor: Actor, channel: ChannelContext | null, roles: Set<Role>): Locale {
  return roles.has("customer") && channel ? channel.locale : actor.locale;
}
