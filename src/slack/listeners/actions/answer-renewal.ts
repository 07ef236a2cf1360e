// The customer answers the renewal notice (R-CON-4). 「継続を希望する」 also opens the application modal, first,
// while Slack's trigger is fresh. A second click with the same answer changes nothing and says so.
import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import type { RenewalAnswer } from "../../../domain/renewal.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { RenewalIds } from "../../ids.ts";
import { authorizeCustomerControl, openApplication } from "../../renewal-action.ts";
import { ephemeral } from "../../reply.ts";
import { customerRefusal } from "../../refusals.ts";

const ANSWERS = [
  [RenewalIds.actions.answerContinue, "continue"],
  [RenewalIds.actions.answerConsidering, "considering"],
  [RenewalIds.actions.answerDecline, "decline"],
] as const satisfies ReadonlyArray<readonly [string, RenewalAnswer]>;

export function register(app: Listeners, deps: SlackDeps): void {
  for (const [actionId, answer] of ANSWERS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const ctx = await authorizeCustomerControl(deps, client, body, body);
      if (!ctx) return;
      if (answer === "continue" && !(await openApplication(deps, client, ctx, body.trigger_id, "renewal", randomUUID()))) return;
      const containerTs: unknown = body.container?.message_ts;
      const messageTs = typeof body.message?.ts === "string" ? body.message.ts : containerTs;
      const result = await deps.services.answerRenewal({
        contractId: ctx.contractId, customerId: ctx.channel.customerId, channelId: ctx.channel.channelId, answer,
        actorId: ctx.actor.userId, messageTs: typeof messageTs === "string" ? messageTs : null, contact: deps.config.contact,
      });
      const say = (text: string) => ephemeral(client, deps.logger, ctx.channel.channelId, ctx.actor.userId, text);
      if (!result.ok) return say(customerRefusal(ctx.locale, deps.config.contact, result.reason === "ended" ? "renewal.refused.ended" : "renewal.refused.unknown"));
      deps.logger.info("renewal answered", { contractId: ctx.contractId, answer, changed: result.changed, unchanged: result.unchanged });
      if (result.unchanged && answer !== "continue") await say(t(ctx.locale, "renewal.same", { answer }));
    });
  }
}
