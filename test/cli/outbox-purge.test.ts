// outbox purge --before: an administrator trims the delivered messages of the past while the app runs. Nothing a
// customer or engineer would notice changes: a case's thread does not get its "this case is closed" reply twice,
// the offer under a message still opens the modal with what was written, and messages not yet delivered (waiting,
// held by Slack, set aside) stay whatever their age. Rules: R-LIFE-3, R-INC-6.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { expectOpened } from "../support/case-modal.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 10 });
});
afterAll(async () => {
  await h?.close();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: h.database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const db = () => h.database.db.client;
const CLOSED_REPLY = "再開や継続はいたしかねます";

async function customerSays(text: string, threadTs?: string): Promise<string> {
  const ts = h.driver.nextTs();
  expect((await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text, ts, ...(threadTs ? { threadTs } : {}) })).status).toBe(200);
  return ts;
}

function offerOf(sourceTs: string) {
  return h.slack.ephemerals(CUSTOMER_CHANNEL).find((e) => JSON.stringify(e.blocks ?? []).includes(`"case_offer:${sourceTs}"`));
}

describe("outbox purge --before", () => {
  let questionTs: string;
  let rootTs: string;

  it("deletes the delivered messages written before the date, and says what it kept", async () => {
    // A customer's question is offered as a case; another case is answered and resolved; the customer writes to it.
    questionTs = await customerSays("ライセンス認証でエラーになります\n画面に E-1024 と表示されます。");
    await expect.poll(() => db().caseOffer.count({ where: { sourceTs: questionTs } })).toBe(1);
    await h.drain();
    expect(offerOf(questionTs)).toBeDefined();
    h.clock.advance(10 * 60_000);
    const openCase = await h.driver.blockAction({ actionId: Actions.openCase, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: h.slack.messages(CUSTOMER_CHANNEL)[0]!.ts });
    expect(openCase.status).toBe(200);
    await expect.poll(() => h.slack.views().filter((v) => v.open && v.callback_id === Views.openCase).length).toBe(1);
    const form = h.slack.views().find((v) => v.open && v.callback_id === Views.openCase)!;
    const submitted = await h.driver.viewSubmission({
      callbackId: Views.openCase, viewId: form.id, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: { [Inputs.title.block]: { [Inputs.title.action]: "設定の確認" }, [Inputs.description.block]: { [Inputs.description.action]: "設定手順を教えてください。" } },
    });
    await expectOpened(h, submitted, form.id);
    await h.drain();
    const c = await db().case.findFirstOrThrow({ where: { title: "設定の確認" } });
    rootTs = c.rootTs!;
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "手順をご案内いたします。", threadTs: rootTs });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("answered");
    await h.drain();
    await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: c.triageTs! });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("resolved");
    await customerSays("追加でもう一点よろしいでしょうか。", rootTs);
    await h.drain();
    expect(h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === rootTs && m.text.includes(CLOSED_REPLY))).toHaveLength(1);

    // One message Slack refuses for now (the app was removed from the channel), one that failed and waits to be
    // tried again.
    h.slack.fail("chat.postMessage", { error: "not_in_channel" });
    await h.registerCustomer({ name: "株式会社保留", channelId: "C0HELD", incidents: 5, team: "T0HELD" });
    await expect.poll(() => db().outboxMessage.count({ where: { heldAt: { not: null } } })).toBe(1);
    h.slack.fail("chat.postMessage", { status: 500, times: 3 });
    await h.registerCustomer({ name: "株式会社再送", channelId: "C0RETRY", incidents: 5, team: "T0RETRY" });
    await h.drain();
    expect(await db().outboxMessage.count({ where: { deliveredAt: null, heldAt: null, failedAt: null } })).toBeGreaterThan(0);

    const delivered = await db().outboxMessage.count({ where: { deliveredAt: { not: null } } });
    const undelivered = await db().outboxMessage.findMany({ where: { deliveredAt: null }, select: { id: true }, orderBy: { id: "asc" } });
    expect(delivered).toBeGreaterThan(5);
    const dry = await cli("outbox", "purge", "--before", new Date().toISOString(), "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`would delete ${delivered} delivered messages`);
    expect(await db().outboxMessage.count({ where: { deliveredAt: { not: null } } })).toBe(delivered);

    const purge = await cli("outbox", "purge", "--before", new Date().toISOString());
    expect(purge.code).toBe(0);
    expect(purge.out).toContain(`deleted ${delivered} delivered messages`);
    expect(purge.out).toMatch(/1 held/);
    expect(await db().outboxMessage.count({ where: { deliveredAt: { not: null } } })).toBe(0);
    expect(await db().outboxMessage.findMany({ where: { deliveredAt: null }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(undelivered);
  });

  it("keeps the closed case's reply to once: a further message gets no second one", async () => {
    await customerSays("お忙しいところ恐れ入りますが、再度ご確認ください。", rootTs);
    await h.drain();
    expect(h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === rootTs && m.text.includes(CLOSED_REPLY))).toHaveLength(1);
  });

  it("keeps what the customer wrote: the offer still opens the modal filled in with it", async () => {
    const offer = offerOf(questionTs)!;
    const before = h.slack.views().length;
    await h.driver.blockAction({ actionId: Actions.openCaseFromMessage, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: offer.message_ts });
    // A loading view first, then the form.
    await expect.poll(() => h.slack.views().length).toBe(before + 1);
    await expect.poll(() => h.slack.views().at(-1)!.callback_id).toBe(Views.openCase);
    const modal = h.slack.views().at(-1)!;
    const description = modal.blocks.find((b) => (b as { block_id?: string }).block_id === Inputs.description.block) as { element?: { initial_value?: string } };
    expect(description.element?.initial_value).toBe("ライセンス認証でエラーになります\n画面に E-1024 と表示されます。");
  });

  it("refuses a missing, malformed or future date and an unknown flag, naming the flag, and deletes nothing", async () => {
    const count = await db().outboxMessage.count();
    const missing = await cli("outbox", "purge");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--before");
    const malformed = await cli("outbox", "purge", "--before", "last tuesday");
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('--before: a date such as 2026-11-01 or a time such as 2026-11-01T09:00, got "last tuesday"');
    const future = await cli("outbox", "purge", "--before", "2999-01-01");
    expect(future.code).toBe(2);
    expect(future.err).toContain("--before: 2999-01-01 is later than now");
    const unknown = await cli("outbox", "purge", "--befor", "2026-11-01");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--befor: unknown flag");
    expect(await db().outboxMessage.count()).toBe(count);
  });
});
