// Events API deliveries: the envelope Slack wraps an event in (authorizations naming the installing workspace,
// retry headers), and a person's message, stored in the stand-in as Slack would before it delivers the event.
import { randomUUID } from "node:crypto";
import type { DriverResponse, EventOptions, MessageInput } from "./driver-types.ts";
import { impossible, type Json } from "./elements.ts";
import { ACK_DEADLINE_MS, VERIFICATION_TOKEN, withVerdict, type Transport } from "./transport.ts";
import type { SlackStandIn } from "./types.ts";

export interface EventSender {
  event: (event: Record<string, unknown>, opts?: EventOptions) => Promise<DriverResponse>;
  message: (input: MessageInput) => Promise<DriverResponse>;
}

export function createEventSender(transport: Transport, slack: SlackStandIn, homeTeamId: string, apiAppId: string, afterEvent?: (eventId: string) => Promise<void>): EventSender {
  const { signedPost } = transport;

  async function event(inner: Record<string, unknown>, opts: EventOptions = {}): Promise<DriverResponse> {
    return deliver(inner, opts, { teamId: opts.teamId ?? homeTeamId, extShared: false });
  }

  async function deliver(
    inner: Record<string, unknown>,
    opts: EventOptions,
    envelope: { teamId: string; extShared: boolean },
  ): Promise<DriverResponse> {
    const eventTime = opts.eventTime ?? Math.floor(slack.now() / 1000);
    const eventId = opts.eventId ?? `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
    const body = JSON.stringify({
      token: VERIFICATION_TOKEN,
      team_id: envelope.teamId,
      context_team_id: envelope.teamId,
      context_enterprise_id: null,
      api_app_id: apiAppId,
      event: { event_ts: `${eventTime}.000000`, ...inner },
      type: "event_callback",
      event_id: eventId,
      event_time: eventTime,
      authorizations: [
        { enterprise_id: null, team_id: homeTeamId, user_id: slack.botUserId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: envelope.extShared,
      event_context: `4-${randomUUID()}`,
    });
    const retryHeaders: Record<string, string> = opts.retryNum !== undefined
      ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": opts.retryReason ?? "http_timeout" }
      : {};
    const response = await signedPost(body, "application/json", retryHeaders);
    if (response.elapsedMs > ACK_DEADLINE_MS) {
      return withVerdict(response, `acknowledged after ${Math.round(response.elapsedMs)} ms; Slack would retry (http_timeout)`);
    }
    if (response.status < 200 || response.status > 299) {
      return withVerdict(response, `HTTP ${response.status}; Slack would retry (http_error)`);
    }
    await afterEvent?.(eventId);
    return response;
  }

  async function message(input: MessageInput): Promise<DriverResponse> {
    const extShared = input.external ?? true;
    if (!extShared && input.userTeamId !== homeTeamId) {
      impossible(`a member of ${input.userTeamId} cannot write in a channel that is not shared with their organisation`);
    }
    const ts = input.ts ?? slack.nextTs();
    const channelType = input.channelId.startsWith("G") ? "group" : input.channelId.startsWith("D") ? "im" : "channel";
    const parent = input.threadTs !== undefined ? slack.message(input.channelId, input.threadTs) : undefined;
    const inner: Json = {
      type: "message",
      ...(input.subtype !== undefined ? { subtype: input.subtype } : { client_msg_id: randomUUID() }),
      channel: input.channelId,
      user: input.userId,
      text: input.text,
      ts,
      event_ts: ts,
      team: input.userTeamId,
      user_team: input.userTeamId,
      source_team: input.userTeamId,
      channel_type: channelType,
      blocks: [
        {
          type: "rich_text",
          block_id: randomUUID().slice(0, 5),
          elements: [{ type: "rich_text_section", elements: [{ type: "text", text: input.text }] }],
        },
      ],
      ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
      ...(parent?.user !== undefined ? { parent_user_id: parent.user } : {}),
      ...(input.files !== undefined ? { files: input.files } : {}),
    };
    const stored = input.subtype === undefined || ["thread_broadcast", "file_share", "me_message"].includes(input.subtype);
    if (stored) {
      slack.recordMessage(input.channelId, {
        ts,
        text: input.text,
        user: input.userId,
        team: input.userTeamId,
        ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
      });
    }
    return deliver(inner, {
      ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
      ...(input.retryNum !== undefined ? { retryNum: input.retryNum } : {}),
    }, {
      // In a shared channel the envelope can name the author's organisation; authorizations keep the installer.
      teamId: extShared ? input.userTeamId : homeTeamId,
      extShared,
    });
  }

  return { event, message };
}
