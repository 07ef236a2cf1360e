import type { App } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBolt, type StartedBolt } from "./bolt.ts";
import { createDriver, type Driver } from "./driver.ts";
import { startSlackStandIn, type SlackStandIn } from "./slack-api.ts";

const SIGNING_SECRET = "test-signing-secret";
const HOME = "T0HOME0001";
const CUSTOMER = "T0CUSTOMER";
const CHANNEL = "C0SHARED01";
const ENGINEER = "U0ENG00001";
const CUSTOMER_USER = "U0CUST0001";

interface Seen {
  kind: string;
  body: Record<string, unknown>;
  context: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

let slack: SlackStandIn;
let bolt: StartedBolt;
let driver: Driver;
const seen: Seen[] = [];
/** Every request that got past Bolt's receiver into the app, whatever its kind. */
const reachedApp: unknown[] = [];

const caseModal = {
  type: "modal" as const,
  callback_id: "case_open_modal",
  private_metadata: JSON.stringify({ channel: CHANNEL }),
  title: { type: "plain_text" as const, text: "Open a case" },
  submit: { type: "plain_text" as const, text: "Open" },
  blocks: [
    {
      type: "input" as const,
      block_id: "in_title",
      label: { type: "plain_text" as const, text: "Title" },
      element: { type: "plain_text_input" as const, action_id: "title", max_length: 100 },
    },
    {
      type: "input" as const,
      block_id: "in_level",
      label: { type: "plain_text" as const, text: "Level" },
      element: {
        type: "static_select" as const,
        action_id: "level",
        options: [
          { text: { type: "plain_text" as const, text: "A" }, value: "A" },
          { text: { type: "plain_text" as const, text: "B" }, value: "B" },
        ],
      },
    },
    {
      type: "input" as const,
      block_id: "in_description",
      optional: true,
      label: { type: "plain_text" as const, text: "Details" },
      element: { type: "plain_text_input" as const, action_id: "description", multiline: true },
    },
  ],
};

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function register(app: App): void {
  app.use(async ({ body, next }) => {
    reachedApp.push(body);
    await next();
  });
  app.command("/support", async ({ ack, command, context, client }) => {
    // Open the modal before acknowledging: the trigger is only good for 3 seconds.
    const opened = await client.views.open({ trigger_id: command.trigger_id, view: caseModal });
    await ack();
    seen.push({ kind: "command", body: asRecord(command), context: asRecord(context), extra: { viewId: opened.view?.id } });
  });
  app.command("/queue", async ({ ack }) => {
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await ack();
  });
  app.action("case_open", async ({ ack, body, context, client }) => {
    await ack();
    const trigger = asRecord(body).trigger_id;
    const opened = await client.views.open({ trigger_id: String(trigger), view: caseModal });
    seen.push({ kind: "action", body: asRecord(body), context: asRecord(context), extra: { viewId: opened.view?.id } });
  });
  app.action("home_refresh", async ({ ack, body, context }) => {
    await ack();
    seen.push({ kind: "home_action", body: asRecord(body), context: asRecord(context) });
  });
  app.view("case_open_modal", async ({ ack, body, view, context }) => {
    const title = view.state.values.in_title?.title?.value ?? "";
    if (title === "bad") {
      await ack({ response_action: "errors", errors: { in_nonexistent: "nope" } });
    } else if (title === "retry") {
      await ack({ response_action: "errors", errors: { in_title: "Please give a real title" } });
    } else {
      await ack();
    }
    seen.push({ kind: "view", body: asRecord(body), context: asRecord(context) });
  });
  app.shortcut("message_to_case", async ({ ack, body, context }) => {
    await ack();
    seen.push({ kind: "shortcut", body: asRecord(body), context: asRecord(context) });
  });
  app.message(async ({ message, body, context }) => {
    seen.push({ kind: "message", body: asRecord(body), context: asRecord(context), extra: asRecord(message) });
  });
  app.event("app_home_opened", async ({ event, body, context }) => {
    seen.push({ kind: "app_home_opened", body: asRecord(body), context: asRecord(context), extra: asRecord(event) });
  });
}

async function waitFor(kind: string): Promise<Seen> {
  // Events are acknowledged before their listener finishes, so the listener may still be running.
  for (let i = 0; i < 200; i += 1) {
    const found = seen.find((s) => s.kind === kind);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${kind} reached its listener`);
}

beforeAll(async () => {
  slack = await startSlackStandIn({ teamId: HOME });
  bolt = await startBolt({ slack, signingSecret: SIGNING_SECRET, setup: register });
  driver = createDriver({ baseUrl: bolt.baseUrl, signingSecret: SIGNING_SECRET, slack, homeTeamId: HOME });
});

afterAll(async () => {
  await bolt?.stop();
  await slack?.close();
});

beforeEach(() => {
  seen.length = 0;
  reachedApp.length = 0;
});

async function postOpenCaseButton(): Promise<string> {
  const posted = await bolt.app.client.chat.postMessage({
    channel: CHANNEL,
    text: "Need help? Open a case.",
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: "Need help?" } },
      {
        type: "actions",
        block_id: "entry",
        elements: [{ type: "button", action_id: "case_open", text: { type: "plain_text", text: "Open a case" }, value: "entry" }],
      },
    ],
  });
  return posted.ts ?? "";
}

describe("Bolt in HTTP mode against the stand-in", () => {
  it("asks auth.test once, from the constructor, and reuses the answer for every request", async () => {
    // The call starts in App's constructor and is not awaited by start(); the first request waits for it.
    for (let i = 0; i < 100 && slack.callsTo("auth.test").length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(slack.callsTo("auth.test")).toHaveLength(1);
    await driver.event({ type: "app_home_opened", user: ENGINEER, channel: "D0HOME0001", tab: "home" });
    await waitFor("app_home_opened");
    await driver.event({ type: "app_home_opened", user: ENGINEER, channel: "D0HOME0001", tab: "home" });
    expect(slack.callsTo("auth.test")).toHaveLength(1);
  });
});

describe("driver", () => {
  it("delivers a slash command whose trigger_id opens a modal", async () => {
    const response = await driver.slashCommand({ command: "/support", text: "printer", userId: ENGINEER, channelId: CHANNEL, locale: "ja-JP" });
    expect(response.status).toBe(200);
    expect(response.slackWouldReject).toBeUndefined();
    const command = await waitFor("command");
    expect(command.body).toMatchObject({
      command: "/support",
      text: "printer",
      user_id: ENGINEER,
      channel_id: CHANNEL,
      team_id: HOME,
      api_app_id: slack.appId,
      is_enterprise_install: "false",
    });
    expect(command.context).toMatchObject({ teamId: HOME, botUserId: slack.botUserId, botId: slack.botId });
    expect(slack.view(String(command.extra?.viewId))).toMatchObject({ callback_id: "case_open_modal", open: true, user_id: ENGINEER });
    // The locale travels the way Slack offers it: through users.info, not the payload.
    expect(command.body.locale).toBeUndefined();
    expect(slack.user(ENGINEER)?.locale).toBe("ja-JP");
  });

  it("refuses to pretend another organisation can run slash commands", async () => {
    await expect(driver.slashCommand({ command: "/support", userId: CUSTOMER_USER, channelId: CHANNEL, teamId: CUSTOMER })).rejects.toThrow(
      /not a valid command/,
    );
  });

  it("delivers an external user's click on the app's button with the message and its blocks", async () => {
    const ts = await postOpenCaseButton();
    const response = await driver.blockAction({ actionId: "case_open", userId: CUSTOMER_USER, userTeamId: CUSTOMER, channelId: CHANNEL, messageTs: ts });
    expect(response.status).toBe(200);
    const action = await waitFor("action");
    expect(action.body).toMatchObject({
      type: "block_actions",
      user: { id: CUSTOMER_USER, team_id: CUSTOMER },
      team: { id: HOME },
      api_app_id: slack.appId,
      is_enterprise_install: false,
      channel: { id: CHANNEL },
      container: { type: "message", message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
      message: { ts, bot_id: slack.botId, blocks: slack.message(CHANNEL, ts)?.blocks },
      actions: [{ type: "button", action_id: "case_open", block_id: "entry", value: "entry" }],
    });
    expect(action.context.teamId).toBe(HOME);
    expect(String(action.body.response_url)).toMatch(new RegExp(`^${slack.origin}/hooks/`));
    expect(slack.view(String(action.extra?.viewId))?.open).toBe(true);
  });

  it("will not click a button the app never posted", async () => {
    const ts = await postOpenCaseButton();
    await expect(
      driver.blockAction({ actionId: "case_take", userId: ENGINEER, userTeamId: HOME, channelId: CHANNEL, messageTs: ts }),
    ).rejects.toThrow(/no element with action_id "case_take"/);
    await expect(
      driver.blockAction({ actionId: "case_open", userId: ENGINEER, userTeamId: HOME, channelId: CHANNEL, messageTs: "1000000000.000100" }),
    ).rejects.toThrow(/holds no message/);
    await expect(
      driver.blockAction({ actionId: "case_open", value: "forged", userId: ENGINEER, userTeamId: HOME, channelId: CHANNEL, messageTs: ts }),
    ).rejects.toThrow(/carries value/);
    expect(reachedApp).toEqual([]);
  });

  it("delivers a click on the Home tab with the view Slack holds", async () => {
    const published = await bolt.app.client.views.publish({
      user_id: ENGINEER,
      view: {
        type: "home",
        callback_id: "home",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "3 cases waiting" } },
          { type: "actions", elements: [{ type: "button", action_id: "home_refresh", text: { type: "plain_text", text: "Refresh" } }] },
        ],
      },
    });
    const viewId = published.view?.id ?? "";
    await driver.blockAction({ actionId: "home_refresh", userId: ENGINEER, userTeamId: HOME, view: { id: viewId, callbackId: "home" } });
    const click = await waitFor("home_action");
    expect(click.body).toMatchObject({
      container: { type: "view", view_id: viewId },
      view: { id: viewId, type: "home", callback_id: "home", app_installed_team_id: HOME },
      actions: [{ type: "button", action_id: "home_refresh", block_id: expect.any(String) }],
    });
    await expect(
      driver.blockAction({ actionId: "home_refresh", userId: CUSTOMER_USER, userTeamId: CUSTOMER, view: { id: viewId, callbackId: "home" } }),
    ).rejects.toThrow(/screen/);
  });

  it("submits a modal from an external user the way Slack Connect does", async () => {
    const ts = await postOpenCaseButton();
    await driver.blockAction({ actionId: "case_open", userId: CUSTOMER_USER, userTeamId: CUSTOMER, channelId: CHANNEL, messageTs: ts });
    const viewId = String((await waitFor("action")).extra?.viewId);

    const response = await driver.viewSubmission({
      callbackId: "case_open_modal",
      userId: CUSTOMER_USER,
      userTeamId: CUSTOMER,
      values: { in_title: { title: "Printer on fire" }, in_level: { level: "B" } },
    });
    expect(response.status).toBe(200);
    expect(response.slackWouldReject).toBeUndefined();
    const submitted = await waitFor("view");
    expect(submitted.body).toMatchObject({
      type: "view_submission",
      team: { id: CUSTOMER },
      user: { id: CUSTOMER_USER, team_id: CUSTOMER },
      is_enterprise_install: false,
      view: {
        id: viewId,
        callback_id: "case_open_modal",
        private_metadata: caseModal.private_metadata,
        app_installed_team_id: HOME,
        hash: expect.any(String),
        state: {
          values: {
            in_title: { title: { type: "plain_text_input", value: "Printer on fire" } },
            in_level: { level: { type: "static_select", selected_option: { value: "B", text: { type: "plain_text", text: "B" } } } },
            in_description: { description: { type: "plain_text_input", value: null } },
          },
        },
      },
    });
    // Bolt takes the installing workspace from view.app_installed_team_id.
    expect(submitted.context.teamId).toBe(HOME);
    // An empty acknowledgement closes the modal, as in Slack.
    expect(slack.view(viewId)?.open).toBe(false);
  });

  it("will not submit what Slack's client would not let through", async () => {
    await driver.slashCommand({ command: "/support", userId: ENGINEER, channelId: CHANNEL });
    await waitFor("command");
    await expect(
      driver.viewSubmission({ callbackId: "case_open_modal", userId: ENGINEER, userTeamId: HOME, values: { in_title: { title: "x" } } }),
    ).rejects.toThrow(/in_level\/level is required/);
    await expect(
      driver.viewSubmission({ callbackId: "case_open_modal", userId: ENGINEER, userTeamId: HOME, values: { in_title: { title: "x" }, in_level: { level: "Z" } } }),
    ).rejects.toThrow(/no option with value "Z"/);
    await expect(
      driver.viewSubmission({ callbackId: "case_open_modal", userId: ENGINEER, userTeamId: HOME, values: { in_title: { title: "x".repeat(101) }, in_level: { level: "A" } } }),
    ).rejects.toThrow(/at most 100 characters/);
    await expect(
      driver.viewSubmission({ callbackId: "case_split_modal", userId: ENGINEER, userTeamId: HOME, values: {} }),
    ).rejects.toThrow(/no open modal/);
  });

  it("reports an acknowledgement Slack would refuse, and keeps the modal open on errors", async () => {
    await driver.slashCommand({ command: "/support", userId: ENGINEER, channelId: CHANNEL });
    const viewId = String((await waitFor("command")).extra?.viewId);
    const bad = await driver.viewSubmission({ callbackId: "case_open_modal", viewId, userId: ENGINEER, userTeamId: HOME, values: { in_title: { title: "bad" }, in_level: { level: "A" } } });
    expect(bad.slackWouldReject).toMatch(/in_nonexistent/);
    const retry = await driver.viewSubmission({ callbackId: "case_open_modal", viewId, userId: ENGINEER, userTeamId: HOME, values: { in_title: { title: "retry" }, in_level: { level: "A" } } });
    expect(retry.slackWouldReject).toBeUndefined();
    expect(retry.json).toMatchObject({ response_action: "errors" });
    expect(slack.view(viewId)?.open).toBe(true);
  });

  it("flags an acknowledgement later than 3 seconds", async () => {
    const response = await driver.slashCommand({ command: "/queue", userId: ENGINEER, channelId: CHANNEL });
    expect(response.slackWouldReject).toMatch(/3 s/);
    // Bolt itself gives up first and answers 404 when no listener acknowledged in time.
    expect(response.status).toBe(404);
  });

  it("delivers a message shortcut", async () => {
    const ts = driver.nextTs();
    const response = await driver.messageShortcut({
      callbackId: "message_to_case",
      userId: ENGINEER,
      channelId: CHANNEL,
      message: { ts, text: "our printer is on fire", user: CUSTOMER_USER },
    });
    expect(response.status).toBe(200);
    const shortcut = await waitFor("shortcut");
    expect(shortcut.body).toMatchObject({
      type: "message_action",
      callback_id: "message_to_case",
      trigger_id: expect.any(String),
      message_ts: ts,
      message: { ts, text: "our printer is on fire", user: CUSTOMER_USER },
      user: { id: ENGINEER, team_id: HOME },
      team: { id: HOME },
      channel: { id: CHANNEL },
    });
    expect(shortcut.context.teamId).toBe(HOME);
    // Slack already holds the message, so the app can link to it.
    await expect(bolt.app.client.chat.getPermalink({ channel: CHANNEL, message_ts: ts })).resolves.toMatchObject({ ok: true });
  });

  it("delivers a customer's message shaped like Slack Connect", async () => {
    const response = await driver.message({ channelId: CHANNEL, userId: CUSTOMER_USER, userTeamId: CUSTOMER, text: "help please", eventId: "Ev0MSG0001" });
    expect(response.status).toBe(200);
    const message = await waitFor("message");
    expect(message.extra).toMatchObject({ user: CUSTOMER_USER, user_team: CUSTOMER, source_team: CUSTOMER, text: "help please", channel: CHANNEL });
    expect(message.body).toMatchObject({
      team_id: CUSTOMER,
      event_id: "Ev0MSG0001",
      is_ext_shared_channel: true,
      authorizations: [{ team_id: HOME, user_id: slack.botUserId, is_bot: true }],
    });
    expect(message.context.teamId).toBe(HOME);
    expect(message.context.retryNum).toBeUndefined();
    expect(slack.messages(CHANNEL).some((m) => m.text === "help please" && m.user === CUSTOMER_USER)).toBe(true);
  });

  it("marks a redelivery with Slack's retry headers", async () => {
    const ts = driver.nextTs();
    await driver.message({ channelId: CHANNEL, userId: CUSTOMER_USER, userTeamId: CUSTOMER, text: "again", ts, eventId: "Ev0MSG0002", retryNum: 1 });
    const message = await waitFor("message");
    expect(message.context).toMatchObject({ retryNum: 1, retryReason: "http_timeout" });
    expect(message.body.event_id).toBe("Ev0MSG0002");
  });

  it("delivers any event in an envelope", async () => {
    await driver.event({ type: "app_home_opened", user: ENGINEER, channel: "D0HOME0001", tab: "home" }, { eventId: "Ev0HOME001", teamId: HOME });
    const opened = await waitFor("app_home_opened");
    expect(opened.extra).toMatchObject({ type: "app_home_opened", user: ENGINEER, tab: "home" });
    expect(opened.body).toMatchObject({ type: "event_callback", event_id: "Ev0HOME001", api_app_id: slack.appId });
    expect(opened.context.teamId).toBe(HOME);
  });
});

describe("request signing", () => {
  const event = () => JSON.stringify({
    token: "x",
    team_id: HOME,
    api_app_id: slack.appId,
    type: "event_callback",
    event_id: "Ev0FORGED1",
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: HOME, user_id: slack.botUserId, is_bot: true }],
    event: { type: "app_home_opened", user: ENGINEER, channel: "D0HOME0001", tab: "home" },
  });

  it("accepts a correctly signed raw request", async () => {
    const body = event();
    const response = await driver.raw(body, { "content-type": "application/json", ...driver.sign(body) });
    expect(response.status).toBe(200);
    await waitFor("app_home_opened");
  });

  it("refuses a wrong signature with 401 before any listener", async () => {
    const body = event();
    const wrong = createDriver({ baseUrl: bolt.baseUrl, signingSecret: "not-the-secret", slack, homeTeamId: HOME });
    const forged = await driver.raw(body, { "content-type": "application/json", ...wrong.sign(body) });
    expect(forged.status).toBe(401);
    const tampered = await driver.raw(body.replace("Ev0FORGED1", "Ev0FORGED2"), { "content-type": "application/json", ...driver.sign(body) });
    expect(tampered.status).toBe(401);
    const unsigned = await driver.raw(body, { "content-type": "application/json" });
    expect(unsigned.status).toBe(401);
    expect(reachedApp).toEqual([]);
    expect(seen).toEqual([]);
    expect(bolt.logger.lines.some((l) => l.level === "warn" && /verify authenticity/.test(l.message))).toBe(true);
  });

  it("refuses a correctly signed request older than 5 minutes with 401", async () => {
    const body = event();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await driver.raw(body, { "content-type": "application/json", ...driver.sign(body, sixMinutesAgo) });
    expect(stale.status).toBe(401);
    expect(reachedApp).toEqual([]);
  });
});
