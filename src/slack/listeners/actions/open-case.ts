// Buttons that open the case modal: the channel's entry message, the offer under a customer's own message, and
// the "open a new case" offer after a closed case. Customers have no slash commands in Slack Connect; these
// buttons are their way in. Opening the modal spends nothing: only its submission opens a case (R-INC-6).
//
// Slack's trigger_id lasts 3 seconds from the click, and the person's language, the channel and the contracts
// take look-ups that a busy moment can stretch past that. So the modal opens first, with nothing read (a loading
// view), and is then updated to the form, or to why no case can be opened here.
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { ModalView } from "@slack/types";
import { can } from "../../../domain/roles.ts";
import { sourceRequestKey } from "../../../services/prepare-case-modal.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn, str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { translator } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { fillLoading, openLoading } from "../../loading-modal.ts";
import { caseModalNotice } from "../../views/case-modal-states.ts";
import { draftFromMessage } from "../../views/message-draft.ts";
import { openCaseModal } from "../../views/open-case-modal.ts";
import { customerRefusal } from "../../refusals.ts";

const TS = /^\d{9,11}\.\d{1,6}$/;

export function register(app: Listeners, deps: SlackDeps): void {
  for (const actionId of [Actions.openCase, Actions.openFollowUpCase, Actions.openCaseFromMessage]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const userId = str(body.user?.id);
      if (!userId) return;
      const loading = await openLoading(client, deps, body, userId);
      if (!loading) return;
      await fillLoading(client, deps, loading, userId, () => formOrRefusal(deps, actionId, body));
    });
  }
}

/** The real form, or the notice that says why there is none; null when the click names nobody. */
async function formOrRefusal(deps: SlackDeps, actionId: string, body: BlockAction<ButtonAction>): Promise<ModalView | null> {
  const actor = await actorOfInteraction(deps, body);
  if (!actor) return null;
  const channelId = body.channel?.id;
  const channel = await channelContext(deps, channelId);
  const roles = rolesIn(deps, actor, channel);
  const locale = localeFor(deps, actor, channel);
  const tr = translator(locale);
  if (!channel) return caseModalNotice(customerRefusal(locale, deps.config.contact, "refused.not_registered"), tr);
  if (!can(roles, "case.open")) {
    deps.logger.info("case modal refused", { userId: actor.userId, channelId: channel.channelId });
    return caseModalNotice(customerRefusal(locale, deps.config.contact, "refused.other_customer"), tr);
  }
  const value = body.actions[0]?.value ?? "";
  const sourceTs = actionId === Actions.openCaseFromMessage && TS.test(value) ? value : null;
  const followed = actionId === Actions.openFollowUpCase ? Number(value) : Number.NaN;
  const prep = await deps.services.prepareCaseModal({
    customerId: channel.customerId, channelId: channel.channelId, sourceTs,
    previousCaseId: Number.isSafeInteger(followed) && followed > 0 ? followed : null,
  });
  if (prep.existingCase) return caseModalNotice(tr("offer.already", { number: prep.existingCase.number }), tr);
  return openCaseModal({
    metadata: {
      // Every submission made from one message shares a key, so that message becomes at most one case.
      requestKey: sourceTs ? sourceRequestKey(channel.channelId, sourceTs) : randomUUID(),
      channelId: channel.channelId, sourceTs, sourceThreadTs: sourceTs, previousCaseId: prep.previous?.id ?? null,
      locale,
    },
    channels: [],
    available: prep.available,
    prefill: prep.text !== null ? draftFromMessage(prep.text) : undefined,
    previousNumber: prep.previous?.number ?? null,
    blocked: prep.blocked ? { reason: prep.blocked, contact: deps.config.contact } : null,
  }, tr);
}
