// Work after an answer waits for a turn: every request is still answered at once, the work of a burst runs a few at
// a time in the order answered, and nothing waits for a turn longer than its bound.
import { App, type Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { takeTurnsAfterAnswers, WorkTurns } from "../../src/slack/work-turns.ts";

const neverListening: Receiver = { init: () => undefined, start: () => Promise.resolve(), stop: () => Promise.resolve() };

function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

/** A Bolt app whose one action listener answers, notes that it answered, then works until its gate opens. */
function appWithTurns(turns: WorkTurns) {
  const app = new App({ authorize: () => Promise.resolve({ botToken: "xoxb-test", botId: "B0BOT", botUserId: "U0BOT" }), receiver: neverListening });
  const answered: string[] = [];
  const started: string[] = [];
  const gates = new Map<string, ReturnType<typeof gate>>();
  app.action("work", async ({ ack, action }) => {
    const id = "value" in action && typeof action.value === "string" ? action.value : "?";
    await ack();
    started.push(id);
    await gates.get(id)?.opened;
  });
  takeTurnsAfterAnswers(app, turns);
  const click = (id: string) => {
    gates.set(id, gate());
    const body = {
      type: "block_actions", team: { id: "T0HOME" }, user: { id: "U0ENG1" }, api_app_id: "A0APP",
      actions: [{ type: "button", action_id: "work", block_id: "b", value: id, action_ts: "1" }],
    };
    return app.processEvent({ body, ack: () => { answered.push(id); return Promise.resolve(); } });
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { click, answered, started, open: (id: string) => gates.get(id)?.open(), until };
}

describe("work after an answer waits for a turn", () => {
  it("answers every request of a burst at once, and works on as many as there are turns, in the order answered", async () => {
    const turns = new WorkTurns({ size: 2, maxWaitMs: 60_000 });
    const w = appWithTurns(turns);
    const done = ["a", "b", "c", "d"].map((id) => w.click(id));
    await w.until(() => w.answered.length === 4 && w.started.length === 2);
    expect(w.answered).toEqual(["a", "b", "c", "d"]);
    expect(w.started).toEqual(["a", "b"]);
    expect(turns.load).toEqual({ running: 2, waiting: 2 });
    w.open("a");
    await w.until(() => w.started.length === 3);
    expect(w.started).toEqual(["a", "b", "c"]);
    for (const id of ["b", "c", "d"]) w.open(id);
    await Promise.all(done);
    expect(w.started).toEqual(["a", "b", "c", "d"]);
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });

  it("lets work start after its longest wait even while every turn is held", async () => {
    const turns = new WorkTurns({ size: 1, maxWaitMs: 50 });
    const w = appWithTurns(turns);
    const first = w.click("held");
    await w.until(() => w.started.includes("held"));
    const second = w.click("next");
    await w.until(() => w.started.includes("next"));
    expect(w.started).toEqual(["held", "next"]);
    w.open("held");
    w.open("next");
    await Promise.all([first, second]);
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });

  it("gives the turn back when a listener fails after its answer", async () => {
    const turns = new WorkTurns({ size: 1, maxWaitMs: 60_000 });
    const app = new App({ authorize: () => Promise.resolve({ botToken: "xoxb-test", botId: "B0BOT", botUserId: "U0BOT" }), receiver: neverListening });
    app.action("fail", async ({ ack }) => {
      await ack();
      throw new Error("the database is gone");
    });
    app.error(() => Promise.resolve());
    takeTurnsAfterAnswers(app, turns);
    const body = { type: "block_actions", team: { id: "T0HOME" }, user: { id: "U0ENG1" }, api_app_id: "A0APP", actions: [{ type: "button", action_id: "fail", block_id: "b", value: "x", action_ts: "1" }] };
    await app.processEvent({ body, ack: () => Promise.resolve() }).catch(() => undefined);
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });
});
