// Short answers only the clicker sees. A failure to deliver one is logged, never thrown: the state change it
// reports has already been committed or refused.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.ts";

export async function ephemeral(client: WebClient, logger: Logger, channel: string | undefined, user: string, text: string): Promise<void> {
  if (!channel) return;
  try {
    await client.chat.postEphemeral({ channel, user, text });
  } catch (error) {
    logger.warn("ephemeral reply failed", { channel, error: error instanceof Error ? error.message : String(error) });
  }
}
