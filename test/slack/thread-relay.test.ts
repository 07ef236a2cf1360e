// The app thread's end of the receiving-thread relay (src/roles/thread-relay.ts), with a real Bolt app and a real
// MessageChannel between the two ends: what the listener answers goes back once, a click the receiving thread has
// already answered is not answered twice, and a request the app cannot take is reported, never left hanging.
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { App } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { clickedAction } from "../../src/roles/front.ts";
import { silentLogger } from "../../src/logger.ts";
import { RelayedReceiver, type FromAppThread, type ToAppThread } from "../../src/roles/thread-relay.ts";
import { boltLogger } from "../../src/slack/bolt-logger.ts";

const ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/**
 * A Bolt app behind the relay; `front` is the receiving thread's end, `heard` what came back over it. The
 * receiving thread's end says each answer is written as it hears it, unless `holdWrites`.
 */
async function relayedApp(register: (app: App) => void, options: { holdWrites?: boolean } = {}) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const receiver = new RelayedReceiver(port1);
  const app = new App({ receiver, logger: boltLogger(silentLogger), authorize: () => Promise.resolve({ botToken: "xoxb-relay-test", botId: "B0BOT", botUserId: "U0BOT" }) });
  register(app);
  await app.start();
  const heard: FromAppThread[] = [];
  const send = (message: ToAppThread) => port2.postMessage(message);
  port2.on("message", (message: FromAppThread) => {
    heard.push(message);
    if (message.type === "ack" && !options.holdWrites) send({ type: "written", id: message.id });
  });
  const doneWith = (id: number) => expect.poll(() => heard.find((m) => m.type === "done" && m.id === id)).toBeDefined();
  return { app, receiver, heard, send, doneWith };
}

const submission = { type: "view_submission", team: { id: "T0HOME" }, user: { id: "U0CUST", team_id: "T0CUST" }, view: { id: "V0ONE", callback_id: "relay_form", state: { values: {} }, private_metadata: "" } };
const click = { type: "block_actions", team: { id: "T0HOME" }, user: { id: "U0ENG" }, actions: [{ action_id: "relay_button", block_id: "b", type: "button", action_ts: "1" }], container: { type: "message" }, channel: { id: "C0ONE" }, message: { ts: "1.0" } };

describe("the app thread's receiver", () => {
  it("relays the listener's answer once, with its payload, then says the request is done", async () => {
    const { heard, send, doneWith } = await relayedApp((app) => {
      app.view("relay_form", async ({ ack }) => {
        await ack({ response_action: "errors", errors: { title: "必須です" } });
        // A second answer (a bug, a retry inside the listener) must not reach the receiving thread twice.
        await ack({ response_action: "clear" });
      });
    });
    send({ type: "event", id: 1, answered: false, body: submission });
    await doneWith(1);
    expect(heard.filter((m) => m.type === "ack")).toEqual([{ type: "ack", id: 1, response: { response_action: "errors", errors: { title: "必須です" } } }]);
    expect(heard.find((m) => m.type === "done")).toEqual({ type: "done", id: 1, error: null });
  });

  it("lets the listener go on only once the receiving thread has written its answer", async () => {
    const steps: string[] = [];
    const { heard, send, doneWith } = await relayedApp((app) => {
      app.view("relay_form", async ({ ack }) => {
        await ack({ response_action: "update", view: { type: "modal", title: { type: "plain_text", text: "受付中" }, blocks: [] } });
        steps.push("after the answer");
      });
    }, { holdWrites: true });
    send({ type: "event", id: 5, answered: false, body: submission });
    await expect.poll(() => heard.some((m) => m.type === "ack" && m.id === 5)).toBe(true);
    // The answer is out of the app's hands but not yet written: nothing after the ack has run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toEqual([]);
    expect(heard.some((m) => m.type === "done")).toBe(false);
    send({ type: "written", id: 5 });
    await doneWith(5);
    expect(steps).toEqual(["after the answer"]);
  });

  it("relays no answer for a click the receiving thread answered as it arrived, and still runs the listener", async () => {
    let ran = false;
    const { heard, send, doneWith } = await relayedApp((app) => {
      app.action("relay_button", async ({ ack }) => {
        await ack();
        ran = true;
      });
    });
    expect(clickedAction(click)).toBe(true);
    expect(clickedAction(submission)).toBe(false);
    send({ type: "event", id: 2, answered: true, body: click });
    await doneWith(2);
    expect(ran).toBe(true);
    expect(heard.filter((m) => m.type === "ack")).toEqual([]);
  });

  it("reports a listener that failed before answering, so that the receiving thread answers 500", async () => {
    const { heard, send, doneWith } = await relayedApp((app) => {
      app.view("relay_form", () => Promise.reject(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })));
    });
    send({ type: "event", id: 3, answered: false, body: submission });
    await doneWith(3);
    expect(heard.filter((m) => m.type === "ack")).toEqual([]);
    const done = heard.find((m) => m.type === "done");
    expect(done).toMatchObject({ type: "done", id: 3, error: { message: expect.stringContaining("database is locked") } });
  });

  it("refuses what arrives once it is stopping, so that Slack sends it again elsewhere", async () => {
    let ran = false;
    const { app, heard, send, doneWith } = await relayedApp((a) => {
      a.view("relay_form", async ({ ack }) => {
        ran = true;
        await ack();
      });
    });
    await app.stop();
    send({ type: "event", id: 4, answered: false, body: submission });
    await doneWith(4);
    expect(ran).toBe(false);
    expect(heard.find((m) => m.type === "done")).toEqual({ type: "done", id: 4, error: { message: "the app is stopping", code: null } });
  });
});
