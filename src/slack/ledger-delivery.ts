// The ledger CSV reaches the manager who asked for it as a file in their direct message with the app: opened with
// conversations.open, then uploaded the way Slack asks for files today (files.getUploadURLExternal, the upload,
// files.completeUploadExternal). Runs after the request was acknowledged; a failure is told to the manager.
import type { WebClient } from "@slack/web-api";
import { type CsvLabels } from "../services/export-ledger.ts";
import type { LedgerKind } from "../domain/ledger.ts";
import type { SlackDeps } from "./deps.ts";
import type { Translate } from "./i18n/index.ts";

export function csvLabels(t: Translate): CsvLabels {
  return {
    header: [
      t("contracts.csv.entry"), t("contracts.csv.time"), t("contracts.csv.customer"), t("contracts.csv.contract"), t("contracts.csv.period"),
      t("contracts.csv.kind"), t("contracts.csv.amount"), t("contracts.csv.case"), t("contracts.csv.actor"), t("contracts.csv.reason"),
    ],
    kind: (kind: LedgerKind) => t(`contracts.ledger.kind.${kind}`),
  };
}

export async function sendLedgerCsv(
  deps: SlackDeps, client: WebClient, userId: string, period: { from: string; to: string }, t: Translate,
): Promise<boolean> {
  try {
    const file = await deps.services.ledgerCsvFile(period, csvLabels(t));
    const dm = await client.conversations.open({ users: userId });
    const channelId = dm.channel?.id;
    if (!channelId) throw new Error("conversations.open returned no channel");
    await client.filesUploadV2({
      channel_id: channelId, file: file.content, filename: `ledger_${period.from}_${period.to}.csv`,
      title: `ledger ${period.from} – ${period.to}`,
      initial_comment: t("contracts.export.comment", { from: period.from, to: period.to, entries: file.entries }),
    });
    deps.logger.info("ledger exported", { userId, from: period.from, to: period.to, entries: file.entries });
    return true;
  } catch (error) {
    deps.logger.error("ledger export failed", { userId, error: error instanceof Error ? error.message : String(error) });
    await client.chat.postMessage({ channel: userId, text: t("contracts.export.failed") }).catch(() => undefined);
    return false;
  }
}
