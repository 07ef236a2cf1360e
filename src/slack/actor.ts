// Who is acting, and in what role, parsed from a Slack payload at the edge. Roles are decided on the server from
// configuration and the channel's registration; nothing in the payload is taken as proof of a role.
import { rolesOf, type Role } from "../domain/roles.ts";
import type { Locale } from "../config.ts";
import { type ChannelContext } from "../services/lookups.ts";
import type { SlackDeps } from "./deps.ts";
import { slackLocale } from "./person-locales.ts";

/** `locale`: the language the person reads Slack in, when Slack says (users.info); null when it does not. */
export interface Actor { userId: string; teamId: string | undefined; locale: Locale | null }

export type { ChannelContext };

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

/** The acting user of an interaction (block_actions, view_submission, shortcut), with their Slack language. */
export async function actorOfInteraction(deps: SlackDeps, body: unknown): Promise<Actor | null> {
  const user = record(record(body)?.user);
  const userId = str(user?.id);
  if (!userId) return null;
  // Slack's interaction payloads carry no locale today; one that does spares the look-up.
  const given = slackLocale(str(user?.locale) ?? str(record(body)?.locale));
  return { userId, teamId: str(user?.team_id) ?? str(record(record(body)?.team)?.id), locale: given ?? await deps.people.of(userId) };
}

/**
 * The same without asking Slack: the person's language as last read. For a modal's submission, which follows the
 * click that opened the modal (and read the language then).
 */
export function knownActorOfInteraction(deps: SlackDeps, body: unknown): Actor | null {
  const user = record(record(body)?.user);
  const userId = str(user?.id);
  if (!userId) return null;
  const given = slackLocale(str(user?.locale) ?? str(record(body)?.locale));
  return { userId, teamId: str(user?.team_id) ?? str(record(record(body)?.team)?.id), locale: given ?? deps.people.known(userId) };
}

/** The person behind a slash command or an event, with their Slack language. */
export async function actorOfUser(deps: SlackDeps, userId: string, teamId: string | undefined): Promise<Actor> {
  return { userId, teamId, locale: await deps.people.of(userId) };
}

export async function channelContext(deps: SlackDeps, rawChannelId: string | undefined): Promise<ChannelContext | null> {
  // Callers pass ids straight from payloads, where a malformed one may be of any type.
  const channelId = str(rawChannelId);
  if (!channelId) return null;
  return deps.services.channelContextOf(channelId);
}

export function rolesIn(deps: SlackDeps, actor: { userId: string; teamId: string | undefined }, channel: ChannelContext | null): Set<Role> {
  return rolesOf(actor, deps.directory, channel ? { customerId: channel.customerId, customerTeamIds: channel.customerTeamIds } : undefined);
}

/**
 * The language of what only this person sees (ephemerals, modals, App Home): their own Slack language; where Slack
 * does not say, the channel's they acted in; DEFAULT_LOCALE when neither is known. What is posted in a channel
 * for everyone follows the channel's language instead.
 */
export function localeFor(deps: Pick<SlackDeps, "config">, actor: Pick<Actor, "locale"> | null, channel: Pick<ChannelContext, "locale"> | null): Locale {
  return actor?.locale ?? channel?.locale ?? deps.config.defaultLocale;
}
