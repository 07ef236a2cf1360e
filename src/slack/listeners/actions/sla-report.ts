// 「SLA レポート」 in the managers' overview: the last three months' SLA report (this month and the two before) by
// direct message, the overall figures as a message, every customer's in the CSV, and the chart of incidents consumed
// per customer and month. Managers only.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../../listener-router.ts";
import { can } from "../../../domain/roles.ts";
import { uploadUsageChart } from "../../chart-delivery.ts";
import { actorOfInteraction, localeFor, rolesIn } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";
import { t, translator } from "../../i18n/index.ts";
import { InsightIds } from "../../ids.ts";
import { ephemeral } from "../../reply.ts";
import { slaCsv, slaMessage } from "../../views/sla-report.ts";

/** From the first day of the month two months before today's, through today. */
export function lastThreeMonths(today: string): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10);
  return { from: start, to: today };
}

export function register(app: Listeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(InsightIds.actions.slaReport, async ({ ack, body, client }) => {
    await ack();
    const actor = await actorOfInteraction(deps, body);
    if (!actor) return;
    if (!can(rolesIn(deps, actor, null), "balance.all")) {
      // From App Home there is no channel to answer in: the refusal goes to the person's direct message.
      if (body.channel?.id) return ephemeral(client, deps.logger, body.channel.id, actor.userId, t(localeFor(deps, actor, null), "refused.manager"));
      await client.chat.postMessage({ channel: actor.userId, text: t(localeFor(deps, actor, null), "refused.manager") });
      return;
    }
    const period = lastThreeMonths(deps.calendar.localDate(deps.clock.now()));
    const rows = await deps.services.slaReport(period);
    const tr = translator(localeFor(deps, actor, null));
    const dm = await client.conversations.open({ users: actor.userId });
    const channelId = dm.channel?.id;
    if (!channelId) return;
    await client.chat.postMessage({ channel: channelId, ...slaMessage(rows, period, tr) });
    await client.filesUploadV2({
      channel_id: channelId, file: Buffer.from(slaCsv(rows, tr), "utf8"), filename: `sla_${period.from}_${period.to}.csv`,
      title: `SLA ${period.from} – ${period.to}`, initial_comment: tr("sla.csv_comment", period),
    });
    // Where a picture reads faster: the same months' incidents consumed per customer, as a chart.
    const chart = await deps.services.monthlyUsage({ months: 3, through: period.to });
    await uploadUsageChart(client, channelId, chart, tr);
    deps.logger.info("sla report sent", { userId: actor.userId, from: period.from, to: period.to, rows: rows.length });
  });
}
