// Signed requests in the shapes Slack sends (the same shapes as tools/slack-sim/driver.ts builds), made directly so
// that building thousands of them costs the load generator next to nothing. Trigger ids and response URLs come
// from the Slack stand-in, so the app's follow-up calls (views.open) are accepted as they would be by Slack, and a
// submitted modal is one the stand-in shows, so the app's views.update of it is too.
import { createHmac, randomUUID } from "node:crypto";
import { WebClient } from "@slack/web-api";
import type { SlackMessage, SlackStandIn } from "../tools/slack-sim/index.ts";
import { translator } from "../src/slack/i18n/index.ts";
import { Actions, Inputs } from "../src/slack/ids.ts";
import { openCaseModal } from "../src/slack/views/open-case-modal.ts";
import type { SignedRequest } from "./load.ts";

type Json = Record<string, unknown>;
const VERIFICATION_TOKEN = "legacy-verification-token";
const FORM = "application/x-www-form-urlencoded";

export interface Person { userId: string; teamId: string }

export class SlackRequests {
  /** The bench's own calls to the stand-in, to tell them from the app's. */
  modalsOpened = 0;
  private readonly client: WebClient;

  constructor(private readonly slack: SlackStandIn, private readonly signingSecret: string, private readonly homeTeamId: string) {
    this.client = new WebClient(slack.token, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
  }

  sign(body: string, contentType: string): SignedRequest {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac("sha256", this.signingSecret).update(`v0:${timestamp}:${body}`).digest("hex");
    return { body, headers: { "content-type": contentType, "x-slack-signature": `v0=${signature}`, "x-slack-request-timestamp": String(timestamp) } };
  }

  private user(person: Person): Json {
    const name = `user-${person.userId.toLowerCase()}`;
    return { id: person.userId, username: name, name, team_id: person.teamId };
  }

  private team(teamId: string): Json {
    return { id: teamId, domain: teamId === this.homeTeamId ? this.slack.teamDomain : `org-${teamId.toLowerCase()}` };
  }

  private interaction(payload: Json): SignedRequest {
    return this.sign(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
  }

  slashCommand(command: string, person: Person, channelId: string, text = ""): SignedRequest {
    return this.sign(new URLSearchParams({
      token: VERIFICATION_TOKEN, team_id: this.homeTeamId, team_domain: this.slack.teamDomain,
      channel_id: channelId, channel_name: `channel-${channelId.toLowerCase()}`, user_id: person.userId,
      user_name: `user-${person.userId.toLowerCase()}`, command, text, api_app_id: this.slack.appId, is_enterprise_install: "false",
      response_url: this.slack.issueResponseUrl({ channelId, userId: person.userId }),
      trigger_id: this.slack.issueTriggerId({ userId: person.userId }),
    }).toString(), FORM);
  }

  /**
   * A customer submits the case modal in their channel (title, description, level normal). Slack only delivers the
   * submission of a modal it shows, and the app answers it by updating that modal: so the modal is first opened in
   * the stand-in, as the app's views.open would have, and Slack's handling of the answer is applied to it.
   */
  async openCaseSubmission(person: Person, channelId: string, title: string, available: number): Promise<SignedRequest> {
    const metadata = { requestKey: randomUUID(), channelId, sourceTs: null, previousCaseId: null };
    const modal = openCaseModal({ metadata, channels: [], available }, translator("ja"));
    const opened = await this.client.views.open({ trigger_id: this.slack.issueTriggerId({ userId: person.userId }), view: modal });
    const view = opened.view as Json & { id: string; hash: string; blocks: Array<{ block_id?: string }> };
    this.modalsOpened += 1;
    // The customer keeps the level the modal offers first (normal, one incident), as most do.
    const levelBlock = view.blocks.find((b) => b.block_id === Inputs.level.block) as { element?: { initial_option?: unknown } } | undefined;
    const levelOption = levelBlock?.element?.initial_option ?? { text: { type: "plain_text", text: "通常" }, value: "normal" };
    const values = {
      [Inputs.title.block]: { [Inputs.title.action]: { type: "plain_text_input", value: title } },
      [Inputs.description.block]: { [Inputs.description.action]: { type: "plain_text_input", value: "ライセンス認証の画面でエラー E-1024 が表示されます。再起動しても解消しません。" } },
      [Inputs.product.block]: { [Inputs.product.action]: { type: "plain_text_input", value: null } },
      [Inputs.level.block]: { [Inputs.level.action]: { type: "radio_buttons", selected_option: levelOption } },
    };
    const request = this.interaction({
      type: "view_submission", team: this.team(person.teamId), user: this.user(person), api_app_id: this.slack.appId,
      token: VERIFICATION_TOKEN, trigger_id: this.slack.issueTriggerId({ userId: person.userId, viewId: view.id }),
      view: { ...view, team_id: person.teamId, state: { values } },
      response_urls: [], is_enterprise_install: false, enterprise: null,
    });
    return { ...request, answered: (answer) => this.settle(view.id, view.hash, answer) };
  }

  /** What Slack does with the app's answer to a submission: the modal shows the view the answer carries. */
  private settle(viewId: string, hash: string, answer: { status: number; text: string }): void {
    // The update the app makes after answering can arrive first (a quick refusal); the answer does not undo it.
    if (this.slack.view(viewId)?.hash !== hash) return;
    this.slack.settleViewSubmission(viewId, { status: answer.status, json: parsed(answer.text) });
  }

  /** A click on the Resolve button of a case's root message, as the app posted it. */
  resolveClick(person: Person, channelId: string, root: SlackMessage, caseId: number): SignedRequest {
    const button = findButton(root.blocks ?? [], Actions.resolve);
    return this.interaction({
      type: "block_actions", user: this.user(person), api_app_id: this.slack.appId, token: VERIFICATION_TOKEN,
      container: { type: "message", message_ts: root.ts, channel_id: channelId, is_ephemeral: false },
      trigger_id: this.slack.issueTriggerId({ userId: person.userId }),
      team: this.team(this.homeTeamId), enterprise: null, is_enterprise_install: false,
      channel: { id: channelId, name: `channel-${channelId.toLowerCase()}` },
      message: { type: "message", bot_id: this.slack.botId, app_id: this.slack.appId, user: this.slack.botUserId, text: root.text, ts: root.ts, team: this.homeTeamId, blocks: root.blocks ?? [] },
      state: { values: {} },
      response_url: this.slack.issueResponseUrl({ channelId, userId: person.userId, messageTs: root.ts }),
      actions: [{
        type: "button", block_id: button?.blockId ?? "case_actions", action_id: Actions.resolve, action_ts: (Date.now() / 1000).toFixed(6),
        text: button?.text ?? { type: "plain_text", text: "解決" }, value: String(caseId),
      }],
    });
  }

  /** A reply in a case's thread, delivered as a message event from a Slack Connect channel. */
  threadReply(person: Person, channelId: string, threadTs: string, text: string): SignedRequest {
    const ts = this.slack.nextTs();
    const eventTime = Math.floor(Date.now() / 1000);
    const extShared = true;
    return this.sign(JSON.stringify({
      token: VERIFICATION_TOKEN, team_id: person.teamId, context_team_id: person.teamId, context_enterprise_id: null,
      api_app_id: this.slack.appId, type: "event_callback",
      event: {
        type: "message", client_msg_id: randomUUID(), channel: channelId, user: person.userId, text, ts, event_ts: ts,
        team: person.teamId, user_team: person.teamId, source_team: person.teamId, channel_type: "channel", thread_ts: threadTs,
        blocks: [{ type: "rich_text", block_id: randomUUID().slice(0, 5), elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] }],
      },
      event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`, event_time: eventTime,
      authorizations: [{ enterprise_id: null, team_id: this.homeTeamId, user_id: this.slack.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: extShared, event_context: `4-${randomUUID()}`,
    }), "application/json");
  }
}

/** An answer's body as JSON; null when it is empty or not JSON, as Slack reads an empty acknowledgement. */
function parsed(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function findButton(blocks: unknown[], actionId: string): { blockId: string; text: unknown } | null {
  for (const block of blocks) {
    const b = block as { type?: string; block_id?: string; elements?: unknown[]; accessory?: unknown };
    const candidates = [...(b.type === "actions" && Array.isArray(b.elements) ? b.elements : []), ...(b.accessory ? [b.accessory] : [])];
    for (const element of candidates) {
      const e = element as { action_id?: string; text?: unknown };
      if (e.action_id === actionId) return { blockId: b.block_id ?? "", text: e.text };
    }
  }
  return null;
}
