// The outbox takes its messages a round at a time: a channel's next few in the order they were written, never one
// behind a message that may not go yet (held, waiting for its retry, or out with another process), and a round a
// process could not finish gives back what it did not try. And a case submission that Slack delivers again after
// the first took the last incident is told it opened its case, not refused. Rules: R-INC-6, R-CON-7.
import { afterEach, describe, expect, it } from "vitest";
import { claimRound, enqueueMany, markDelivered, markRetry, releaseClaims } from "../../src/db/outbox.ts";
import { openCase } from "../../src/services/open-case.ts";
import type { OutboxPayload } from "../../src/services/outbox-payload.ts";
import { CUSTOMER, createWorld, expectReconciled, registerCustomer, type World } from "./contract-world.ts";

let w: World;
afterEach(async () => {
  await w.close();
});

const notice = (n: number): OutboxPayload => ({ kind: "channel.notice", notice: "notice.contract_exhausted", params: { endsOn: "2027-03-31", contact: `#${n}` } });

async function write(channelId: string, count: number): Promise<void> {
  await w.database.db.transaction((tx) => enqueueMany(tx, Array.from({ length: count }, (_, i) => ({ channelId, payload: notice(i) })), { at: w.clock.now() }));
}

async function ids(channelId: string): Promise<number[]> {
  return (await w.database.db.client.outboxMessage.findMany({ where: { channelId }, orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
}

const claim = (perChannel: number, channels = 50) => claimRound(w.database.db, w.clock.now(), { channels, perChannel });

describe("a round of the outbox", () => {
  it("takes each channel's next messages in the order they were written, up to the round's share per channel", async () => {
    w = await createWorld();
    await write("C0ONE", 5);
    await write("C0TWO", 2);
    const round = await claim(3);
    const one = await ids("C0ONE");
    const two = await ids("C0TWO");
    expect(round.map((r) => r.id)).toEqual([...one.slice(0, 3), ...two]);
    // What the round holds is out: a second process finds nothing of these channels to take, not even what follows.
    expect(await claim(3)).toEqual([]);
    await markDelivered(w.database.db, round.map((r) => r.id), w.clock.now());
    expect((await claim(3)).map((r) => r.id)).toEqual(one.slice(3));
  });

  it("stops a channel at a message that waits for its retry, and gives the rest of an unfinished round back untried", async () => {
    w = await createWorld();
    await write("C0ONE", 4);
    const [first, second, third, fourth] = await ids("C0ONE");
    const round = await claim(4);
    expect(round.map((r) => r.id)).toEqual([first, second, third, fourth]);
    // The first went out, the second failed and waits a minute, the two behind it were never tried.
    await markDelivered(w.database.db, [first!], w.clock.now());
    await markRetry(w.database.db, second!, "timeout", new Date(w.clock.now().getTime() + 60_000));
    await releaseClaims(w.database.db, [third!, fourth!]);
    expect(await claim(4)).toEqual([]);
    const untried = await w.database.db.client.outboxMessage.findMany({ where: { id: { in: [third!, fourth!] } }, select: { attempts: true, lockedUntil: true } });
    // Given back as never tried: their first attempt is not taken for the retry of a post that may have reached Slack.
    expect(untried).toEqual([{ attempts: 0, lockedUntil: null }, { attempts: 0, lockedUntil: null }]);
    w.clock.advance(61_000);
    expect((await claim(4)).map((r) => r.id)).toEqual([second, third, fourth]);
  });

  it("never takes a channel's messages behind a held one, and lets every other channel go", async () => {
    w = await createWorld();
    await write("C0HELD", 2);
    await write("C0FREE", 1);
    const [held] = await ids("C0HELD");
    await w.database.db.client.outboxMessage.update({ where: { id: held! }, data: { heldAt: w.clock.now(), heldCause: "not_in_channel" } });
    expect((await claim(8)).map((r) => r.channelId)).toEqual(["C0FREE"]);
  });

  it("takes the channels whose oldest message is oldest first, as many as a round takes", async () => {
    w = await createWorld();
    await write("C0LATE", 1);
    await write("C0EARLY", 1);
    await write("C0LATE", 1);
    expect((await claim(8, 1)).map((r) => r.channelId)).toEqual(["C0LATE", "C0LATE"]);
  });
});

describe("a case submission delivered again (R-INC-6)", () => {
  it("after it took the customer's last incident, is told it opened its case, and nothing more is reserved", async () => {
    w = await createWorld();
    const { channelId } = await registerCustomer(w, { incidents: 1 });
    const input = { requestKey: "submission-once", channelId, openedBy: CUSTOMER, title: "ライセンス認証エラー", description: "E-1024", level: "normal" as const };
    const first = await openCase(w.deps, input);
    const again = await openCase(w.deps, input);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toEqual(first.ok ? { ...first, duplicate: true } : null);
    expect(await w.database.db.client.case.count()).toBe(1);
    await expectReconciled(w);
  });
});
