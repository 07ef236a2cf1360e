// The usage statement (利用明細) from a button. On a customer channel's entry message it shows the statement of that
// channel's customer, only to the person who clicked (ephemeral), with its PDF by direct message, and only to people
// allowed to see that balance: a customer never sees another customer's. In /balance <customer> it sends a manager the statement with its CSV and
// PDF by direct message.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { actorOfInteraction, channelContext, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { InsightIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { renderStatementPdf } from "../../../report/statement-pdf.ts";
import { customerIdOfStatementValue, statementCsv, statementMessage, statementPdfFilename, statementPdfLabels } from "../../views/statement.ts";
import { customerRefusal } from "../../refusals.ts";

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(InsightIds.actions.statement, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    const forCustomer = customerIdOfStatementValue(body.actions[0]?.value);
    if (forCustomer !== null) {
      const roles = rolesIn(deps, actor, null);
      if (!can(roles, "balance.all")) return ephemeral(client, deps.logger, body.channel?.id, actor.userId, t(localeFor(deps, actor, null), "refused.manager"));
      const statement = await deps.services.usageStatement({ customerId: forCustomer });
      if (!statement) return;
      const locale = localeFor(deps, actor, null);
      const tr = translator(locale);
      const dm = await client.conversations.open({ users: actor.userId });
      const channelId = dm.channel?.id;
      if (!channelId) return;
      await client.chat.postMessage({ channel: channelId, ...statementMessage(statement, tr) });
      await client.filesUploadV2({
        channel_id: channelId, file: Buffer.from(statementCsv(statement, tr), "utf8"), filename: `statement_${statement.customerId}_${statement.asOf}.csv`,
        title: `statement ${statement.asOf}`, initial_comment: tr("statement.csv_comment", { name: statement.customerName }),
      });
      await client.filesUploadV2({
        channel_id: channelId, file: await renderStatementPdf(statement, statementPdfLabels(tr, locale, deps.config.contact), locale),
        filename: statementPdfFilename(statement), title: tr("statement.pdf.title"), initial_comment: tr("statement.pdf_comment", { asOf: statement.asOf }),
      });
      deps.logger.info("usage statement sent", { customerId: forCustomer, userId: actor.userId });
      return;
    }
    const channel = await channelContext(deps, body.channel?.id);
    const roles = rolesIn(deps, actor, channel);
    const locale = localeFor(deps, actor, channel);
    if (!channel) return ephemeral(client, deps.logger, body.channel?.id, actor.userId, customerRefusal(locale, deps.config.contact, "refused.not_registered"));
    if (!can(roles, "balance.own")) return ephemeral(client, deps.logger, channel.channelId, actor.userId, customerRefusal(locale, deps.config.contact, "refused.other_customer"));
    // The channel decides whose statement it is, never the button's value.
    const statement = await deps.services.usageStatement({ customerId: channel.customerId });
    if (!statement) return;
    const tr = translator(locale);
    await client.chat.postEphemeral({ channel: channel.channelId, user: actor.userId, ...statementMessage(statement, tr) });
    // The PDF goes to the person who asked, by direct message: a file in the channel would be seen by everyone in
    // it, other workspaces connected to it included. Where Slack does not let the app write to them, they are told.
    try {
      const dm = await client.conversations.open({ users: actor.userId });
      const channelId = dm.channel?.id;
      if (!channelId) throw new Error("no direct message channel");
      await client.filesUploadV2({
        channel_id: channelId, file: await renderStatementPdf(statement, statementPdfLabels(tr, locale, deps.config.contact), locale),
        filename: statementPdfFilename(statement), title: tr("statement.pdf.title"), initial_comment: tr("statement.pdf_comment", { asOf: statement.asOf }),
      });
      deps.logger.info("usage statement sent to a customer", { customerId: channel.customerId, userId: actor.userId });
    } catch (error) {
      deps.logger.warn("usage statement PDF not sent to a customer", { customerId: channel.customerId, userId: actor.userId, error: error instanceof Error ? error.message : String(error) });
      await ephemeral(client, deps.logger, channel.channelId, actor.userId, tr("statement.pdf_not_sent", { contact: deps.config.contact }));
    }
  });
}
