// Database steps take turns of the event loop: one per turn, first come first served, except the step an answer
// to Slack waits for, which goes first. Without that, an event kept before its answer would wait behind a queue of
// background steps as long as a flood makes it, and Slack would give up on the answer after 3 seconds.
import { describe, expect, it } from "vitest";
import { LoopTurns } from "../../src/db/loop-turns.ts";
import { beforeTheAnswer } from "../../src/lib/answer-first.ts";

describe("turns of the event loop for database steps", () => {
  it("lets one step go per turn, so the loop polls between any two", async () => {
    const turns = new LoopTurns();
    const order: string[] = [];
    const steps = [1, 2, 3].map((n) => turns.take().then(() => order.push(`step ${n}`)));
    // Something the loop runs between turns (a request read from a socket would be handled the same way).
    setImmediate(() => order.push("between"));
    await Promise.all(steps);
    expect(order.indexOf("between")).toBeGreaterThan(0);
    expect(order.indexOf("between")).toBeLessThan(order.length - 1);
    expect(order.filter((o) => o.startsWith("step"))).toEqual(["step 1", "step 2", "step 3"]);
  });

  it("puts the step an answer waits for ahead of the background's", async () => {
    const turns = new LoopTurns();
    const order: string[] = [];
    const background = Array.from({ length: 5 }, (_, n) => turns.take().then(() => order.push(`background ${n + 1}`)));
    const answer = beforeTheAnswer(async () => {
      await turns.take();
      order.push("kept before the answer");
    });
    await Promise.all([...background, answer]);
    expect(order[0]).toBe("kept before the answer");
    expect(order.slice(1)).toEqual(["background 1", "background 2", "background 3", "background 4", "background 5"]);
  });
});
