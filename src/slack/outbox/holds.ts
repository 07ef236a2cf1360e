// What the outbox does with Slack's refusals. Some say this one message can never be sent (bad blocks, a message
// that no longer exists): it is set aside and its channel moves on. Others say nothing can be sent *for now*: the
// app is not in the channel, the channel is archived or gone from the app's view, the token is refused. Those
// messages are held — kept, visible, and sent when the cause is gone (the app joins the channel again, the token
// works again, or an operator runs `outbox retry`) — and T4U is told once per cause in the triage channel.
import { caseForAlert } from "../../db/cases/views.ts";
import type { Database, Tx } from "../../db/client.ts";
import { markFailed, markHeld } from "../../db/outbox.ts";
import { alertEngineers, alertManagers } from "../../services/engineer-alert.ts";

/** Slack errors that no retry will fix for this message; it is set aside so the channel's queue moves on. */
export const REFUSED = new Set(["invalid_blocks", "invalid_arguments", "msg_too_long", "no_text", "cant_update_message", "message_not_found"]);

/** Slack refuses every message to this channel until someone changes the channel or the app's place in it. */
export const CHANNEL_CAUSES: readonly string[] = ["not_in_channel", "channel_not_found", "is_archived", "restricted_action", "team_access_not_granted"];
/** The channel holds that end when the app joins the channel (member_joined_channel for the app itself). */
export const FIXED_BY_JOINING: readonly string[] = ["not_in_channel", "channel_not_found"];
/** Slack refuses the token itself: nothing can be sent anywhere until it works again. */
export const AUTH_CAUSES: readonly string[] = ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"];

export type Refusal = { kind: "held"; cause: string; scope: "channel" | "auth" } | { kind: "refused"; cause: string };

export function classify(code: string | null): Refusal | null {
  if (!code) return null;
  if (CHANNEL_CAUSES.includes(code)) return { kind: "held", cause: code, scope: "channel" };
  if (AUTH_CAUSES.includes(code)) return { kind: "held", cause: code, scope: "auth" };
  if (REFUSED.has(code)) return { kind: "refused", cause: code };
  return null;
}

export interface HoldDeps { db: Database; triageChannel: string | null }
export interface RefusedRow { id: number; channelId: string; caseId: number | null; kind: string }

/**
 * Holds or sets aside one message, in one transaction with what T4U must be told: the cause, when it starts a hold
 * (`announceCause`), and a case whose message to the customer was not posted, so an engineer knows the customer
 * does not see it (its incidents are reserved all the same).
 */
export async function refuse(deps: HoldDeps, row: RefusedRow, refusal: Refusal, at: Date, announceCause: boolean): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (refusal.kind === "held") await markHeld(tx, row.id, refusal.cause, at);
    else await markFailed(tx, row.id, refusal.cause, at);
    if (refusal.kind === "held" && announceCause) {
      const notice = refusal.scope === "auth" ? "triage.outbox_held_auth" : "triage.outbox_held_channel";
      await alertManagers(tx, deps, { notice, params: { cause: refusal.cause, channel: row.channelId } }, { at, dedupeKey: `held:${refusal.cause}:${row.channelId}:${row.id}` });
    }
    if (row.kind === "case.root" && row.caseId !== null) await announceCase(tx, deps, row.caseId, row.channelId, refusal, at);
  });
}

/** Slack refused the token: every message is held until it works again. T4U hears of it once per hold. */
export async function announceAuthHold(deps: HoldDeps, cause: string, at: Date): Promise<void> {
  await deps.db.transaction((tx) => alertManagers(tx, deps, { notice: "triage.outbox_held_auth", params: { cause, channel: "" } }, { at, dedupeKey: `held:${cause}:${at.toISOString()}` }));
}

/** A case whose root waits behind a held message of its channel: T4U hears of it once. */
export async function announceBlockedCase(deps: HoldDeps, caseId: number, channelId: string, cause: string, at: Date): Promise<void> {
  await deps.db.transaction((tx) => announceCase(tx, deps, caseId, channelId, { kind: "held", cause, scope: "channel" }, at));
}

async function announceCase(tx: Tx, deps: HoldDeps, caseId: number, channelId: string, refusal: Refusal, at: Date): Promise<void> {
  const c = await caseForAlert(tx, caseId);
  if (!c) return;
  const notice = refusal.kind === "held" ? "triage.case_not_posted" : "triage.case_refused";
  await alertEngineers(tx, deps, c, { notice, params: { channel: channelId, cause: refusal.cause } }, { at, dedupeKey: `not-posted:${caseId}` });
}
