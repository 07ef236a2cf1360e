// The common edge of every engineer control on a case: parse the case id, find the channel, check the role on
// the server. Returns what the handler needs, or answers the clicker with why nothing happened.
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Locale } from "../config.ts";
import type { CaseLevel, CaseState } from "../domain/case.ts";
import type { LevelReason } from "../domain/proposal.ts";
import { can, type Permission, type Role } from "../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, type Actor, type ChannelContext } from "./actor.ts";
import type { SlackDeps } from "./deps.ts";
import { t, translator } from "./i18n/index.ts";
import { Views } from "./ids.ts";
import { customerRefusal } from "./refusals.ts";
import { ephemeral } from "./reply.ts";
import { parseStaffMenuMetadata, staffMenuModal } from "./views/staff-menu.ts";

export interface CaseActionContext {
  actor: Actor;
  caseId: number;
  /** The case's level and state as the click found them (read with its channel). */
  terms: { level: CaseLevel; levelReason: LevelReason | null; state: CaseState };
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
  const actor = await actorOfInteraction(deps, body);
  if (!actor) return null;
  const replyChannel = channelOf(body);
  const caseId = caseIdOf(value);
  const terms = caseId ? await deps.services.caseActionTerms(caseId) : null;
  const channel = await channelContext(deps, terms?.channelId);
  const roles = rolesIn(deps, actor, channel);
  const locale = localeFor(deps, actor, channel);
  // The customer's own controls (case.reply) are refused in the customer's words, with where to turn next.
  const forCustomers = permission === "case.reply";
  if (!caseId || !terms) {
    const text = forCustomers ? customerRefusal(locale, deps.config.contact, "refused.unknown_case_customer") : t(locale, "refused.unknown_case");
    await ephemeral(client, deps.logger, replyChannel, actor.userId, text);
    return null;
  }
  if (!can(roles, permission)) {
    deps.logger.info("action refused", { caseId, permission, userId: actor.userId });
    const text = forCustomers ? customerRefusal(locale, deps.config.contact, "refused.customer")
      : t(locale, permission === "contracts.manage" ? "refused.manager" : "refused.role");
    await ephemeral(client, deps.logger, replyChannel, actor.userId, text);
    return null;
  }
  return { actor, caseId, channel, roles, locale, replyChannel, terms };
}

function channelOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const channel = (body as { channel?: { id?: unknown } }).channel;
  if (typeof channel?.id === "string") return channel.id;
  // A click in the staff menu modal has no channel: answer in the case's channel, where the menu was opened.
  return staffMenuOf(body)?.channelId;
}

/** The staff menu a click came from (its view id and case), or null for a click on a message. */
export function staffMenuOf(body: unknown): { viewId: string; caseId: number; channelId: string } | null {
  if (typeof body !== "object" || body === null) return null;
  const view = (body as { view?: { id?: unknown; callback_id?: unknown; private_metadata?: unknown } }).view;
  if (!view || view.callback_id !== Views.staffMenu || typeof view.id !== "string") return null;
  const metadata = parseStaffMenuMetadata(view.private_metadata);
  return metadata ? { viewId: view.id, ...metadata } : null;
}

/** Opens a case's modal from a click: stacked on the staff menu when the click came from it, as Slack requires. */
export async function openFromClick(client: WebClient, body: unknown, triggerId: string, view: ModalView): Promise<void> {
  if (staffMenuOf(body)) await client.views.push({ trigger_id: triggerId, view });
  else await client.views.open({ trigger_id: triggerId, view });
}

/** After a take or resolve from the staff menu, the menu shows the case as it is now. */
export async function refreshStaffMenu(deps: SlackDeps, client: WebClient, body: unknown, locale: Locale): Promise<void> {
  const menu = staffMenuOf(body);
  if (!menu) return;
  const view = await deps.services.loadCaseView(menu.caseId);
  if (!view) return;
  try {
    await client.views.update({ view_id: menu.viewId, view: staffMenuModal(view, translator(locale)) });
  } catch (error) {
    // The engineer closed the menu meanwhile: nothing to show it in.
    deps.logger.info("staff menu not refreshed", { caseId: menu.caseId, error: error instanceof Error ? error.message : String(error) });
  }
}
