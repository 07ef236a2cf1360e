// A case's transcript reaches the engineer or manager who asked as a Markdown file in their direct message with
// the app, uploaded as the ledger CSV is (conversations.open, then Slack's external upload). Runs after the click
// was acknowledged; a failure is told to the person.
import type { WebClient } from "@slack/web-api";
import { caseNumber } from "../domain/case.ts";
import type { SlackDeps } from "./deps.ts";
import type { Translate } from "./i18n/index.ts";
import { transcriptFile } from "./views/transcript.ts";

export async function sendTranscript(deps: SlackDeps, client: WebClient, userId: string, caseId: number, t: Translate): Promise<boolean> {
  try {
    const transcript = await deps.services.caseTranscript(caseId);
    if (!transcript) throw new Error(`no case ${caseId}`);
    const file = transcriptFile(transcript, "md", deps.config.timezone, t);
    const dm = await client.conversations.open({ users: userId });
    const channelId = dm.channel?.id;
    if (!channelId) throw new Error("conversations.open returned no channel");
    await client.filesUploadV2({
      channel_id: channelId, file: Buffer.from(file.content, "utf8"), filename: file.filename, title: file.filename,
      initial_comment: t("transcript.comment", { number: caseNumber(caseId) }),
    });
    deps.logger.info("transcript exported", { userId, caseId, messages: transcript.messages.length });
    return true;
  } catch (error) {
    deps.logger.error("transcript export failed", { userId, caseId, error: error instanceof Error ? error.message : String(error) });
    await client.chat.postMessage({ channel: userId, text: t("transcript.failed") }).catch(() => undefined);
    return false;
  }
}
