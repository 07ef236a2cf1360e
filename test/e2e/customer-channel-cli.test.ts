// The command line T4U uses to look after a customer channel, end to end: the CLI writes to the database, the
// running app delivers to Slack. `channel entry` posts the "open a case" message again and moves the pin;
// `channel locale` switches the language the app speaks there, re-rendering what is already on screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { entryTs, modalAfter, openCaseFromEntry, rootOf, submitCase } from "./customer-helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 10 });
});
afterAll(async () => {
  await h?.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: h.database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * The CLI stamps what it writes with the wall clock; the app delivers what is due by its own clock, which the
 * test moves to the present (never past it: Slack's message times come from the wall clock too).
 */
async function deliverFromCli(): Promise<void> {
  h.clock.set(new Date());
  await h.drain();
}

describe("channel entry", () => {
  it("posts the entry message again, pins it and unpins the old one", async () => {
    const old = entryTs(h);
    const result = await cli("channel", "entry", "--channel", CUSTOMER_CHANNEL);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain(`${CUSTOMER_CHANNEL} will be posted again and pinned`);
    await deliverFromCli();
    const fresh = entryTs(h);
    expect(fresh).not.toBe(old);
    expect(h.slack.callsTo("pins.add").filter((c) => c.ok).map((c) => c.args.timestamp)).toEqual([old, fresh]);
    expect(h.slack.callsTo("pins.remove").filter((c) => c.ok).map((c) => c.args.timestamp)).toEqual([old]);
    const modal = await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    expect(JSON.stringify(modal.blocks)).toContain("現在ご利用いただけるインシデントは *10 インシデント* です");
  });

  it("refuses, with exit code 2 and a reason, a channel that is not registered or not a channel id", async () => {
    expect(await cli("channel", "entry", "--channel", "C0NOTREG")).toMatchObject({ code: 2, err: expect.stringContaining("C0NOTREG is not registered") });
    expect(await cli("channel", "entry", "--channel", "general")).toMatchObject({ code: 2, err: expect.stringContaining("--channel must be a channel id") });
    expect(await cli("channel", "entry")).toMatchObject({ code: 2 });
    expect(await cli("channel", "rename", "--channel", CUSTOMER_CHANNEL)).toMatchObject({ code: 2, err: expect.stringContaining("unknown channel command") });
    expect(await cli("channel")).toMatchObject({ code: 2, out: expect.stringContaining("channel locale") });
  });
});

describe("channel locale", () => {
  it("switches the channel to English: the entry message and open cases are re-rendered in place", async () => {
    // One open case, answered by an engineer, on screen in Japanese.
    await submitCase(h, { title: "ライセンス認証エラー", description: "E-1024 が表示されます。" });
    await h.drain();
    const root = rootOf(h, "#0001");
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "確認いたします。", threadTs: root.ts });
    await expect.poll(async () => (await h.database.db.client.case.findFirstOrThrow()).state).toBe("answered");
    await h.drain();
    const entry = entryTs(h);
    const messagesBefore = h.slack.messages(CUSTOMER_CHANNEL).length;

    const result = await cli("channel", "locale", "--channel", CUSTOMER_CHANNEL, "--locale", "en");
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining("now speaks en; its entry message and 1 open case(s)") });
    await deliverFromCli();
    expect(h.slack.messages(CUSTOMER_CHANNEL).length).toBe(messagesBefore);
    expect(entryTs(h)).toBe(entry);
    expect(h.slack.message(CUSTOMER_CHANNEL, entry)?.text).toContain("Rakan™ support desk");
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, root.ts)?.blocks)).toContain("Answered — awaiting your reply");
  });

  it("then speaks English to an English-reading customer everywhere: offers and the modal", async () => {
    // The modal follows its reader's own Slack language; the offer, like every post, the channel's.
    const reader = "U0CUSTEN1";
    h.slack.setUser({ id: reader, team_id: CUSTOMER_TEAM, locale: "en-US" });
    const ts = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: reader, userTeamId: CUSTOMER_TEAM, text: "Another question", ts });
    await expect.poll(() => h.database.db.client.outboxMessage.count({ where: { dedupeKey: `offer:${CUSTOMER_CHANNEL}:${ts}` } })).toBe(1);
    await h.drain();
    // The offer is shown to its author alone.
    expect(h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.user === reader).at(-1)?.text).toContain("To send it as a support case");
    const modal = await modalAfter(h, reader, () => openCaseFromEntry(h, { userId: reader }));
    expect(JSON.stringify(modal.blocks)).toContain("You have *9* available.");
  });

  it("says when nothing changes, and refuses a language it does not speak", async () => {
    expect(await cli("channel", "locale", "--channel", CUSTOMER_CHANNEL, "--locale", "en")).toMatchObject({ code: 0, out: expect.stringContaining("already speaks en") });
    expect(await cli("channel", "locale", "--channel", CUSTOMER_CHANNEL, "--locale", "fr")).toMatchObject({ code: 2, err: expect.stringContaining("--locale must be ja or en") });
    expect(await cli("channel", "locale", "--channel", "C0NOTREG", "--locale", "ja")).toMatchObject({ code: 2, err: expect.stringContaining("not registered") });
  });

  it("switches back to Japanese", async () => {
    expect((await cli("channel", "locale", "--channel", CUSTOMER_CHANNEL, "--locale", "ja")).code).toBe(0);
    await deliverFromCli();
    expect(h.slack.message(CUSTOMER_CHANNEL, entryTs(h))?.text).toContain("サポート窓口");
    expect(JSON.stringify(h.slack.messages(CUSTOMER_CHANNEL).find((m) => JSON.stringify(m.blocks ?? []).includes("case_customer:"))?.blocks)).toContain("回答済み・ご確認待ち");
  });
});
