// The common edge of every manager control (App Home buttons, /balance buttons, the contract modals): who acts,
// whether they are a manager — decided on the server from configuration, never from what the payload shows —
// and in which language to answer. A refusal is shown where the person acted.
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Locale } from "../config.ts";
import { can } from "../domain/roles.ts";
import { actorOfInteraction, knownActorOfInteraction, localeFor, rolesIn, str, type Actor } from "./actor.ts";
import type { SlackDeps } from "./deps.ts";
import { translator, type Translate } from "./i18n/index.ts";
import { Views } from "./ids.ts";
import { ephemeral } from "./reply.ts";
import { managerNotice } from "./views/contract-modals.ts";
import { customerDetailModal } from "./views/customer-detail.ts";

export interface ManagerContext { actor: Actor; locale: Locale; t: Translate }

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

/** The manager behind an interaction, or null when it is someone else (who has then been told why). */
export async function authorizeManager(deps: SlackDeps, client: WebClient, body: unknown): Promise<ManagerContext | null> {
  // A click: the person's language is read from Slack now, and managerOf then knows it.
  await actorOfInteraction(deps, body);
  const manager = managerOf(deps, body);
  if (manager.ok) return manager.context;
  if (!manager.actor) return null;
  const { actor } = manager;
  const t = translator(localeFor(deps, actor, null));
  deps.logger.info("manager action refused", { userId: actor.userId });
  const channelId = str(field(field(body, "channel"), "id"));
  if (channelId) await ephemeral(client, deps.logger, channelId, actor.userId, t("refused.manager"));
  else await showModal(deps, client, body, managerNotice(t("contracts.refused.title"), t("refused.manager"), t));
  return null;
}

/** The same check for a modal submission; the caller answers a refusal inline on the modal. */
export function managerOf(deps: SlackDeps, body: unknown): { ok: true; context: ManagerContext } | { ok: false; actor: Actor | null } {
  const actor = knownActorOfInteraction(deps, body);
  if (!actor) return { ok: false, actor: null };
  if (!can(rolesIn(deps, actor, null), "contracts.manage")) return { ok: false, actor };
  const locale = localeFor(deps, actor, null);
  return { ok: true, context: { actor, locale, t: translator(locale) } };
}

/** Opens a modal from a click: stacked on the modal clicked in, if any, else a new one. Failures are logged. */
export async function showModal(deps: SlackDeps, client: WebClient, body: unknown, view: ModalView): Promise<void> {
  const triggerId = str(field(body, "trigger_id"));
  if (!triggerId) return;
  try {
    if (field(field(body, "view"), "type") === "modal") await client.views.push({ trigger_id: triggerId, view });
    else await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    deps.logger.warn("modal could not be opened", { callbackId: view.callback_id, error: error instanceof Error ? error.message : String(error) });
  }
}

/** An id carried in a button's value. */
export function idOf(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The inline answer to a submission by someone who is not a manager (or that cannot be read): nothing is done. */
export function refusedSubmission(deps: SlackDeps, manager: { ok: false; actor: Actor | null }, blockId: string) {
  const t = translator(localeFor(deps, manager.actor, null));
  if (manager.actor) deps.logger.info("manager submission refused", { userId: manager.actor.userId });
  return { response_action: "errors" as const, errors: { [blockId]: t(manager.actor ? "refused.manager" : "error.generic") } };
}

/** A whole number typed into a number input; NaN when empty, so the service reports it as required. */
export function numberOf(text: string | null): number {
  return text === null || text.trim() === "" ? Number.NaN : Number(text);
}

/** The id of the customer detail modal a button was clicked in, if that is where it was clicked. */
export function detailViewOf(body: unknown): string | null {
  const view = field(body, "view");
  return field(view, "callback_id") === Views.customerDetail ? str(field(view, "id")) ?? null : null;
}

/** After a change made from a customer's detail, the detail underneath shows the new state. Failures are logged. */
export async function refreshDetail(deps: SlackDeps, client: WebClient, viewId: string | null | undefined, customerId: number, t: Translate): Promise<void> {
  if (!viewId) return;
  const detail = await deps.services.customerDetail(customerId);
  if (!detail) return;
  await client.views.update({ view_id: viewId, view: customerDetailModal(detail, deps.calendar.timezone, t) }).catch((error: unknown) => {
    deps.logger.warn("customer detail not refreshed", { error: error instanceof Error ? error.message : String(error) });
  });
}
