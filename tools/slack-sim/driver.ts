// Plays Slack's side of the conversation with the app's real Bolt receiver: signed requests shaped like the
// payloads Slack sends, built from what the stand-in Web API actually holds. A click can only land on a button the
// app really posted, and a modal can only be submitted if the app opened it with every required input filled in,
// because Slack offers users nothing else; the driver throws (a mistake in the test) where Slack could never have
// sent the request.
//
// This file turns interactions (clicks, modal submissions, slash commands, shortcuts) into payloads; events.ts
// delivers events and messages, transport.ts signs and judges, elements.ts and user-input.ts shape state values.
import { createEventSender } from "./events.ts";
import type { BlockActionInput, Driver, DriverOptions, DriverResponse, MessageShortcutInput, SlashCommandInput, ViewSubmissionInput } from "./driver-types.ts";
import { elementsOf, findElement, impossible, initialState, isEmptyState, stateValues, type Json } from "./elements.ts";
import { ACK_DEADLINE_MS, createTransport, judgeAck, VERIFICATION_TOKEN, withVerdict } from "./transport.ts";
import type { SlackMessage, SlackView } from "./types.ts";
import { actionPayload, submittedState } from "./user-input.ts";
import { viewJson } from "./view-json.ts";

export type * from "./driver-types.ts";

export function createDriver(options: DriverOptions): Driver {
  const { slack, homeTeamId, signingSecret } = options;
  const apiAppId = options.apiAppId ?? slack.appId;
  const transport = createTransport(options.baseUrl, signingSecret);
  const { postInteraction, signedPost } = transport;
  const events = createEventSender(transport, slack, homeTeamId, apiAppId, options.afterEvent);

  const teamDomain = (teamId: string): string => (teamId === homeTeamId ? slack.teamDomain : `org-${teamId.toLowerCase()}`);
  const userName = (userId: string): string => slack.user(userId)?.name ?? `user-${userId.toLowerCase()}`;
  const channelName = (channelId: string): string => {
    if (channelId.startsWith("D")) return "directmessage";
    if (channelId.startsWith("G")) return "privategroup";
    return `channel-${channelId.toLowerCase()}`;
  };
  const userObject = (userId: string, teamId: string): Json => ({
    id: userId,
    username: userName(userId),
    name: userName(userId),
    team_id: teamId,
  });
  const actionTs = (): string => (slack.now() / 1000).toFixed(6);

  function rememberLocale(userId: string, teamId: string, locale: string | undefined): void {
    if (locale === undefined) return;
    const known = slack.user(userId);
    slack.setUser({ ...(known ?? { id: userId, team_id: teamId }), locale });
  }

  function viewPayload(view: SlackView, userTeamId: string, state: Json): Json {
    return viewJson(view, { teamId: userTeamId, appId: apiAppId, botId: slack.botId, installedTeamId: homeTeamId, state });
  }

  function messagePayload(message: SlackMessage): Json {
    return {
      type: "message",
      ...(message.bot_id !== undefined ? { bot_id: message.bot_id, app_id: apiAppId } : {}),
      ...(message.user !== undefined ? { user: message.user } : {}),
      text: message.text,
      ts: message.ts,
      team: message.team ?? homeTeamId,
      ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
      ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
    };
  }

  function openView(view: BlockActionInput["view"] | undefined, viewId: string | undefined, userId: string): SlackView {
    const id = view?.id ?? viewId;
    if (id === undefined) impossible("no view given");
    const stored = slack.view(id);
    if (stored === undefined) impossible(`the stand-in never showed view ${id}`);
    if (!stored.open) impossible(`view ${id} is closed`);
    if (stored.user_id !== undefined && stored.user_id !== userId) impossible(`view ${id} is on ${stored.user_id}'s screen, not ${userId}'s`);
    if (view !== undefined) {
      if (view.callbackId !== stored.callback_id) impossible(`view ${id} has callback_id "${stored.callback_id}", not "${view.callbackId}"`);
      if (view.privateMetadata !== undefined && view.privateMetadata !== stored.private_metadata) {
        impossible(`view ${id} carries private_metadata ${JSON.stringify(stored.private_metadata)}`);
      }
    }
    return stored;
  }

  async function blockAction(input: BlockActionInput): Promise<DriverResponse> {
    rememberLocale(input.userId, input.userTeamId, input.locale);
    const container = input.container ?? (input.view !== undefined ? "view" : "message");
    const user = userObject(input.userId, input.userTeamId);

    if (container === "view") {
      const view = openView(input.view, undefined, input.userId);
      const where = `view ${view.id}`;
      const found = findElement(view.blocks, input.actionId, input.blockId, where);
      if (found.block.type === "input" && found.block.dispatch_action !== true) {
        impossible(`${where}: an input without dispatch_action sends no block_actions`);
      }
      const { action, state } = actionPayload(found, input, where, actionTs());
      const payload: Json = {
        type: "block_actions",
        user,
        api_app_id: apiAppId,
        token: VERIFICATION_TOKEN,
        container: { type: "view", view_id: view.id },
        trigger_id: slack.issueTriggerId({ userId: input.userId, viewId: view.id }),
        // Like view_submission, a click inside a modal names the clicking user's own workspace.
        team: { id: input.userTeamId, domain: teamDomain(input.userTeamId) },
        enterprise: null,
        is_enterprise_install: false,
        view: viewPayload(view, input.userTeamId, stateValues(view.blocks, {
          blockId: found.block.block_id,
          actionId: found.element.action_id,
          state,
        })),
        actions: [action],
      };
      const response = await postInteraction(payload);
      return withVerdict(response, judgeAck(response));
    }

    const { channelId, messageTs } = input;
    if (channelId === undefined || messageTs === undefined) impossible("a click on a message needs channelId and messageTs");
    const stored = slack.message(channelId, messageTs);
    const ephemeral = stored === undefined ? slack.ephemeral(messageTs) : undefined;
    if (stored === undefined && (ephemeral === undefined || ephemeral.channel !== channelId)) {
      impossible(`channel ${channelId} holds no message ${messageTs}`);
    }
    if (ephemeral !== undefined && ephemeral.user !== input.userId) {
      impossible(`ephemeral message ${messageTs} is only visible to ${ephemeral.user}`);
    }
    const blocks = stored?.blocks ?? ephemeral?.blocks ?? [];
    const threadTs = stored?.thread_ts ?? ephemeral?.thread_ts;
    if (input.threadTs !== undefined && input.threadTs !== threadTs) {
      impossible(`message ${messageTs} is in thread ${threadTs ?? "(none)"}, not ${input.threadTs}`);
    }
    const where = `message ${messageTs}`;
    const found = findElement(blocks, input.actionId, input.blockId, where);
    const { action, state } = actionPayload(found, input, where, actionTs());
    const isEphemeral = ephemeral !== undefined;
    const payload: Json = {
      type: "block_actions",
      user,
      api_app_id: apiAppId,
      token: VERIFICATION_TOKEN,
      container: {
        type: "message",
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: isEphemeral,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      },
      trigger_id: slack.issueTriggerId({ userId: input.userId }),
      // Clicks on the app's messages name the installing workspace even when an external user clicks.
      team: { id: homeTeamId, domain: teamDomain(homeTeamId) },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channelId, name: channelName(channelId) },
      ...(stored !== undefined ? { message: messagePayload(stored) } : {}),
      state: stateValues(blocks, { blockId: found.block.block_id, actionId: found.element.action_id, state }),
      response_url: slack.issueResponseUrl({
        channelId,
        userId: input.userId,
        messageTs,
        ...(threadTs !== undefined ? { threadTs } : {}),
        isEphemeral,
      }),
      actions: [action],
    };
    const response = await postInteraction(payload);
    return withVerdict(response, judgeAck(response));
  }

  async function viewSubmission(input: ViewSubmissionInput): Promise<DriverResponse> {
    rememberLocale(input.userId, input.userTeamId, input.locale);
    let view: SlackView;
    if (input.viewId !== undefined) {
      view = openView({ id: input.viewId, callbackId: input.callbackId, ...(input.privateMetadata !== undefined ? { privateMetadata: input.privateMetadata } : {}) }, undefined, input.userId);
    } else {
      const candidates = slack.views().filter(
        (v) => v.open && v.type === "modal" && v.callback_id === input.callbackId && (v.user_id === undefined || v.user_id === input.userId),
      );
      // The topmost modal is the one the user sees and can submit.
      const latest = candidates[candidates.length - 1];
      if (latest === undefined) impossible(`no open modal with callback_id "${input.callbackId}" for ${input.userId}`);
      view = openView({ id: latest.id, callbackId: input.callbackId, ...(input.privateMetadata !== undefined ? { privateMetadata: input.privateMetadata } : {}) }, undefined, input.userId);
    }
    if (view.type !== "modal" || view.submit === undefined || view.submit === null) {
      impossible(`view ${view.id} has no submit button`);
    }

    const values: Record<string, Record<string, Json>> = {};
    const inputs = elementsOf(view.blocks).filter((f) => f.block.type === "input");
    for (const [blockId, actions] of Object.entries(input.values)) {
      for (const [actionId, value] of Object.entries(actions)) {
        const match = inputs.find((f) => f.block.block_id === blockId && f.element.action_id === actionId);
        if (match === undefined) impossible(`modal "${view.callback_id}" has no input ${blockId}/${actionId}`);
        (values[blockId] ??= {})[actionId] = submittedState(match.element, value, `input ${blockId}/${actionId}`);
      }
    }
    for (const { block, element } of inputs) {
      const blockId = String(block.block_id);
      const actionId = String(element.action_id);
      const entry = (values[blockId] ??= {});
      const state = entry[actionId] ?? initialState(element);
      entry[actionId] = state;
      if (block.optional !== true && isEmptyState(state)) {
        impossible(`input ${blockId}/${actionId} is required; Slack will not let the user submit it empty`);
      }
    }

    const payload: Json = {
      type: "view_submission",
      // Per Slack Connect behaviour, team is the submitting user's own workspace; the installing one is only in
      // view.app_installed_team_id.
      team: { id: input.userTeamId, domain: teamDomain(input.userTeamId) },
      user: userObject(input.userId, input.userTeamId),
      api_app_id: apiAppId,
      token: VERIFICATION_TOKEN,
      trigger_id: slack.issueTriggerId({ userId: input.userId, viewId: view.id }),
      view: viewPayload(view, input.userTeamId, { values }),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const response = await postInteraction(payload);
    if (response.elapsedMs > ACK_DEADLINE_MS) return withVerdict(response, judgeAck(response));
    const problem = slack.settleViewSubmission(view.id, { status: response.status, json: response.json });
    return withVerdict(response, problem ?? undefined);
  }

  async function slashCommand(input: SlashCommandInput): Promise<DriverResponse> {
    const teamId = input.teamId ?? homeTeamId;
    if (teamId !== homeTeamId) {
      impossible(`people of another organisation (${teamId}) get "${input.command} is not a valid command"`);
    }
    rememberLocale(input.userId, teamId, input.locale);
    const body = new URLSearchParams({
      token: VERIFICATION_TOKEN,
      team_id: teamId,
      team_domain: teamDomain(teamId),
      channel_id: input.channelId,
      channel_name: channelName(input.channelId),
      user_id: input.userId,
      user_name: userName(input.userId),
      command: input.command,
      text: input.text ?? "",
      api_app_id: apiAppId,
      is_enterprise_install: "false",
      response_url: slack.issueResponseUrl({ channelId: input.channelId, userId: input.userId }),
      trigger_id: slack.issueTriggerId({ userId: input.userId }),
    }).toString();
    const response = await signedPost(body, "application/x-www-form-urlencoded");
    return withVerdict(response, judgeAck(response));
  }

  async function messageShortcut(input: MessageShortcutInput): Promise<DriverResponse> {
    const teamId = input.teamId ?? homeTeamId;
    if (teamId !== homeTeamId) impossible(`the shortcut is not offered to people of another organisation (${teamId})`);
    if (slack.message(input.channelId, input.message.ts) === undefined) {
      slack.recordMessage(input.channelId, {
        ts: input.message.ts,
        text: input.message.text,
        user: input.message.user,
        ...(input.message.thread_ts !== undefined ? { thread_ts: input.message.thread_ts } : {}),
      });
    }
    const payload: Json = {
      type: "message_action",
      token: VERIFICATION_TOKEN,
      action_ts: actionTs(),
      team: { id: teamId, domain: teamDomain(teamId) },
      user: userObject(input.userId, teamId),
      channel: { id: input.channelId, name: channelName(input.channelId) },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: slack.issueTriggerId({ userId: input.userId }),
      response_url: slack.issueResponseUrl({
        channelId: input.channelId,
        userId: input.userId,
        ...(input.message.thread_ts !== undefined ? { threadTs: input.message.thread_ts } : {}),
      }),
      message_ts: input.message.ts,
      message: {
        type: "message",
        user: input.message.user,
        ts: input.message.ts,
        text: input.message.text,
        ...(input.message.thread_ts !== undefined ? { thread_ts: input.message.thread_ts } : {}),
      },
    };
    const response = await postInteraction(payload);
    return withVerdict(response, judgeAck(response));
  }

  return {
    slashCommand,
    blockAction,
    viewSubmission,
    messageShortcut,
    event: events.event,
    message: events.message,
    raw: (body, headers) => transport.send(body, headers),
    sign: transport.sign,
    nextTs: () => slack.nextTs(),
  };
}
