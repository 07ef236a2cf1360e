// The outbox's pacing remembers a channel only while its last delivery still holds back the next one, so what it
// keeps is bounded by the channels delivered to within one interval, however many channels the process has served.
import { describe, expect, it } from "vitest";
import { ChannelPacing } from "../../src/slack/outbox/channel-pacing.ts";

describe("channel pacing", () => {
  it("paces a channel until the interval has passed since its last delivery", () => {
    const pacing = new ChannelPacing(1000);
    pacing.sent("C1", 0);
    expect([...pacing.paced(999)]).toEqual(["C1"]);
    expect([...pacing.paced(1000)]).toEqual([]);
  });

  it("forgets every channel whose interval has passed, after thousands of channels", () => {
    const pacing = new ChannelPacing(1000);
    for (let i = 0; i < 5_000; i++) pacing.sent(`C${i}`, i);
    expect(pacing.paced(5_000).size).toBe(999);
    expect(pacing.size).toBe(999);
    pacing.paced(10_000);
    expect(pacing.size).toBe(0);
  });

  it("keeps nothing when no gap is kept between two messages of a channel", () => {
    const pacing = new ChannelPacing(0);
    for (let i = 0; i < 100; i++) pacing.sent(`C${i}`, i);
    expect(pacing.size).toBe(0);
    expect(pacing.paced(100).size).toBe(0);
  });
});
