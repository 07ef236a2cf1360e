// The monthly usage chart as a PNG file in a Slack conversation, uploaded the way Slack asks for files today
// (files.getUploadURLExternal, the upload, files.completeUploadExternal, which filesUploadV2 performs). A person's
// id is first turned into the direct message with the app, since files are shared to conversations.
import type { WebClient } from "@slack/web-api";
import type { UsageChart } from "../domain/usage-chart.ts";
import { renderUsageChartPng } from "../report/chart.ts";
import type { Translate } from "./i18n/index.ts";
import { chartFilename, chartLabels } from "./views/usage-chart.ts";

export async function uploadUsageChart(client: WebClient, conversation: string, chart: UsageChart, t: Translate): Promise<void> {
  const png = await renderUsageChartPng(chart, chartLabels(chart, t));
  const channelId = /^[UW]/.test(conversation) ? (await client.conversations.open({ users: conversation })).channel?.id : conversation;
  if (!channelId) throw new Error("conversations.open returned no channel");
  await client.filesUploadV2({
    channel_id: channelId, file: png, filename: chartFilename(chart), title: t("chart.title"),
    initial_comment: t("chart.comment", { from: chart.months[0] ?? "", to: chart.months.at(-1) ?? "" }),
  });
}
