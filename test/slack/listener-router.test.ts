// The listener router (src/slack/listener-router.ts) on a real Bolt app: each click, submission, shortcut and
// command reaches the one listener registered for its id, with Bolt's own arguments; what nobody listens for is
// left unanswered as Bolt leaves it; a listener's failure reaches the app's error handler; an id registered twice
// stops the start.
import { App, type Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { boltLogger } from "../../src/slack/bolt-logger.ts";
import { routeListeners } from "../../src/slack/listener-router.ts";

const idle: Receiver = { init() {}, start: () => Promise.resolve(), stop: () => Promise.resolve() };

function routedApp() {
  const errors: string[] = [];
  const app = new App({ receiver: idle, logger: boltLogger(silentLogger), authorize: () => Promise.resolve({ botToken: "xoxb-router-test", botId: "B0BOT", botUserId: "U0BOT" }) });
  app.error((error) => {
    errors.push(error.message);
    return Promise.resolve();
  });
  const heard: string[] = [];
  const listeners = routeListeners(app);
  for (const id of ["resolve_case", "take_case"]) {
    listeners.action(id, async ({ ack, action, client }) => {
      await ack();
      heard.push(`action ${id} ${"action_id" in action ? action.action_id : "?"} ${typeof client.chat.postMessage}`);
    });
  }
  listeners.action("broken_button", () => Promise.reject(new Error("the database is locked")));
  listeners.view("open_case", async ({ ack, view }) => {
    await ack({ response_action: "errors", errors: { title: `${view.callback_id} は必須です` } });
    heard.push("view open_case");
  });
  listeners.shortcut("message_to_case", async ({ ack, shortcut }) => {
    await ack();
    heard.push(`shortcut ${shortcut.callback_id}`);
  });
  listeners.command("/support", async ({ ack, command }) => {
    await ack({ response_type: "ephemeral", text: `受け付けました: ${command.text}` });
    heard.push("command /support");
  });
  listeners.event("app_home_opened", async () => {
    heard.push("event app_home_opened");
  });
  /** Delivers a body as a receiver would; resolves with what was acknowledged (undefined: nothing). */
  const deliver = async (body: Record<string, unknown>) => {
    const answers: unknown[] = [];
    await app.processEvent({ body, ack: (response?: unknown) => { answers.push(response ?? "empty"); return Promise.resolve(); } });
    return answers;
  };
  return { listeners, heard, errors, deliver };
}

const click = (actionId: string) => ({
  type: "block_actions", team: { id: "T0HOME" }, user: { id: "U0ENG" }, container: { type: "message" }, channel: { id: "C0ONE" },
  message: { ts: "1.0" }, actions: [{ action_id: actionId, block_id: "b", type: "button", action_ts: "1" }],
});
const viewPayload = (type: "view_submission" | "view_closed", callbackId: string) => ({
  type, team: { id: "T0HOME" }, user: { id: "U0CUST", team_id: "T0CUST" }, view: { id: "V0ONE", callback_id: callbackId, state: { values: {} }, private_metadata: "" },
});

describe("the listener router", () => {
  it("hands a click to its action's listener alone, with Bolt's arguments", async () => {
    const { heard, deliver } = routedApp();
    expect(await deliver(click("take_case"))).toEqual(["empty"]);
    expect(heard).toEqual(["action take_case take_case function"]);
  });

  it("hands a submission to its view's listener, whose answer goes back as given; a closed modal reaches no one", async () => {
    const { heard, deliver } = routedApp();
    expect(await deliver(viewPayload("view_submission", "open_case"))).toEqual([{ response_action: "errors", errors: { title: "open_case は必須です" } }]);
    expect(await deliver(viewPayload("view_closed", "open_case"))).toEqual([]);
    expect(heard).toEqual(["view open_case"]);
  });

  it("hands shortcuts, commands and events to theirs", async () => {
    const { heard, deliver } = routedApp();
    await deliver({ type: "message_action", callback_id: "message_to_case", trigger_id: "1.2", team: { id: "T0HOME" }, user: { id: "U0ENG" }, channel: { id: "C0ONE" }, message: { ts: "1.0", text: "ログ" }, message_ts: "1.0", response_url: "https://hooks.slack.invalid/r", action_ts: "1" });
    expect(await deliver({ command: "/support", text: "ライセンス", user_id: "U0ENG", team_id: "T0HOME", channel_id: "C0ONE", trigger_id: "1.2" }))
      .toEqual([{ response_type: "ephemeral", text: "受け付けました: ライセンス" }]);
    await deliver({ type: "event_callback", team_id: "T0HOME", event: { type: "app_home_opened", user: "U0ENG", channel: "D0ONE", tab: "home", event_ts: "1.0" } });
    expect(heard).toEqual(["shortcut message_to_case", "command /support", "event app_home_opened"]);
  });

  it("leaves a click or a command nobody listens for (or a click on nothing) unanswered, and runs no other listener", async () => {
    const { heard, errors, deliver } = routedApp();
    expect(await deliver(click("no_such_button"))).toEqual([]);
    expect(await deliver({ command: "/elsewhere", text: "", user_id: "U0ENG", team_id: "T0HOME", channel_id: "C0ONE", trigger_id: "1.2" })).toEqual([]);
    expect(await deliver({ ...click("take_case"), actions: [] })).toEqual([]);
    expect(heard).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("passes a listener's failure to the app's error handler", async () => {
    const { errors, deliver } = routedApp();
    await deliver(click("broken_button"));
    expect(errors).toEqual([expect.stringContaining("the database is locked")]);
  });

  it("refuses a second listener for the same id", () => {
    const { listeners } = routedApp();
    expect(() => listeners.action("take_case", () => Promise.resolve())).toThrow("two action listeners for take_case");
    expect(() => listeners.command("/support", () => Promise.resolve())).toThrow("two command listeners for /support");
  });
});
