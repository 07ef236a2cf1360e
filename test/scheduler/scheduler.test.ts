// The Scheduler's own timing: a pass as soon as it starts (catching up after a restart), passes one after
// another and never overlapping, and a stop that waits for the pass under way. Rule: R-LIFE-7.
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { Scheduler } from "../../src/scheduler/scheduler.ts";
import { CONTACT, createWorld, customerOpensCase, notices, registerCustomer, tokyo, type World } from "./world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe("Scheduler", () => {
  it("runs a pass at start, so what fell due while the app was down goes out without waiting an interval", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-02 11:00"));
    const scheduler = new Scheduler(w.deps, { intervalSeconds: 3600, contact: CONTACT, logger: silentLogger });
    scheduler.start();
    const world = w;
    await expect.poll(async () => (await notices(world, "alert.first_response_overdue")).length).toBe(1);
    await scheduler.stop();
  });

  it("runs passes asked for at once one after the other: the second finds the duty already done", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-02 11:00"));
    const scheduler = new Scheduler(w.deps, { intervalSeconds: 3600, contact: CONTACT, logger: silentLogger });
    const [first, second] = await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    expect(first.outcomes.filter((o) => o.result === "done").map((o) => o.job)).toEqual(["first-response-overdue"]);
    expect(second.outcomes).toEqual([]);
    await scheduler.stop();
    expect((await notices(w, "alert.first_response_overdue")).length).toBe(1);
  });
});
