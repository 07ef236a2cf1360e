// The customer's answer to a proposal to raise their case's incidents (R-INC-5). Only people of that customer
// may answer (checked on the server); the first answer counts and a second one changes nothing.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { type DecideProposalResult } from "../../../services/decide-proposal.ts";
import { authorizeCaseAction } from "../../case-action.ts";
import type { SlackDeps } from "../../deps.ts";
import { t } from "../../i18n/index.ts";
import { Actions } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { namedPeople, proposalIdOf } from "../../views/proposal-message.ts";
import type { Locale } from "../../../config.ts";
import { customerRefusal } from "../../refusals.ts";

function refusalText(result: Exclude<DecideProposalResult, { ok: true }>, locale: Locale, contact: string): string {
  switch (result.reason) {
    case "insufficient": return t(locale, "proposal.refused.insufficient", { needed: result.needed, available: result.available, contact });
    case "decided": return customerRefusal(locale, contact, "proposal.refused.decided");
    case "withdrawn": return customerRefusal(locale, contact, "proposal.refused.withdrawn");
    case "closed": return customerRefusal(locale, contact, "proposal.refused.closed");
    case "not_applicable": return customerRefusal(locale, contact, "proposal.refused.not_applicable");
    case "unknown_proposal": return customerRefusal(locale, contact, "proposal.refused.unknown");
  }
}

/** The message clicked, so it can be re-rendered without its buttons; null if the payload does not say. */
function messageTsOf(body: BlockAction): string | null {
  const fromMessage: unknown = body.message?.ts;
  const fromContainer: unknown = (body.container as { message_ts?: unknown } | undefined)?.message_ts;
  return typeof fromMessage === "string" ? fromMessage : typeof fromContainer === "string" ? fromContainer : null;
}

export function register(app: Listeners, deps: SlackDeps): void {
  const answers = [[Actions.approveProposal, "approve"], [Actions.declineProposal, "decline"]] as const;
  for (const [actionId, decision] of answers) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const value = body.actions[0]?.value;
      const ctx = await authorizeCaseAction(deps, client, body, value, "case.reply");
      if (!ctx) return;
      const proposalId = proposalIdOf(value);
      // Where a manager named the customer's approvers, only they answer (approve or decline) a raised count.
      const approvers = ctx.channel ? await deps.services.channelApprovers(ctx.channel.channelId) : [];
      if (approvers.length && !approvers.includes(ctx.actor.userId)) {
        await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, customerRefusal(ctx.locale, deps.config.contact, "proposal.refused.not_approver", { users: namedPeople(approvers, ctx.locale) }));
        return;
      }
      const result = proposalId
        ? await deps.services.decideProposal({ proposalId, caseId: ctx.caseId, actorId: ctx.actor.userId, decision, messageTs: messageTsOf(body) })
        : { ok: false as const, reason: "unknown_proposal" as const };
      if (result.ok) {
        deps.logger.info("proposal answered", { caseId: ctx.caseId, proposalId, decision, newCases: result.newCaseIds });
        return;
      }
      await ephemeral(client, deps.logger, ctx.replyChannel, ctx.actor.userId, refusalText(result, ctx.locale, deps.config.contact));
    });
  }
}
