// Language per person: what only one person sees (their answers, their modals, their Home tab) is in the language
// they read Slack in (users.info); what is posted in a channel for everyone is in the channel's language; where
// Slack does not say (another language, an error), the channel's language, and DEFAULT_LOCALE where neither is known.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, Commands } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, ENGINEER_2, HOME_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { entryTs, ephemeralAfter, modalAfter, openCaseFromEntry, rootOf, submitCase } from "./customer-helpers.ts";

const ENGLISH_CHANNEL = "C0ENGLISHJA";
/** Customers of the same company: one reads Slack in English, one in German (a language the app does not speak). */
const READS_ENGLISH = "U0CUSTEN";
const READS_GERMAN = "U0CUSTDE";

let h: Harness;
beforeAll(async () => {
  // DEFAULT_LOCALE English, so that the Japanese channel's own language visibly wins over it.
  h = await startHarness({ env: { DEFAULT_LOCALE: "en" } });
  await h.registerCustomer({ incidents: 5, locale: "ja" });
  await h.registerCustomer({ name: "English Co.", channelId: ENGLISH_CHANNEL, incidents: 5, locale: "en" });
  h.slack.setUser({ id: READS_ENGLISH, team_id: CUSTOMER_TEAM, locale: "en-US" });
  h.slack.setUser({ id: READS_GERMAN, team_id: CUSTOMER_TEAM, locale: "de-DE" });
});
afterAll(async () => {
  await h?.close();
});

const balanceClick = (userId: string, channelId = CUSTOMER_CHANNEL) => () => h.driver.blockAction({
  actionId: Actions.showBalance, userId, userTeamId: CUSTOMER_TEAM, channelId, messageTs: entryTs(h, channelId),
});

describe("a customer who reads Slack in English, in a Japanese channel", () => {
  it("is answered and shown the case form in English, while the case message in the channel stays Japanese", async () => {
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, READS_ENGLISH, balanceClick(READS_ENGLISH))).toMatch(/available/i);
    const modal = await modalAfter(h, READS_ENGLISH, () => openCaseFromEntry(h, { userId: READS_ENGLISH }));
    expect(JSON.stringify(modal.title)).toContain("case");
    await submitCase(h, { userId: READS_ENGLISH, title: "ログインできません", description: "エラーが出ます" });
    await h.drain();
    const root = rootOf(h, "#0001");
    expect(JSON.stringify(root.blocks)).toContain("ログインできません");
    expect(JSON.stringify(root.blocks)).toMatch(/インシデント/);
  });

  it("is offered to make their message a case in English, shown to them alone", async () => {
    const ts = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: READS_ENGLISH, userTeamId: CUSTOMER_TEAM, text: "The export fails with error E-2001", ts });
    await expect.poll(() => h.database.db.client.outboxMessage.count({ where: { dedupeKey: `offer:${CUSTOMER_CHANNEL}:${ts}`, deliveredAt: { not: null } } })).toBe(1);
    const offer = h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.user === READS_ENGLISH).at(-1);
    expect(offer?.text).toContain("To send it as a support case");
    expect(h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === ts)).toEqual([]);
  });
});

describe("where Slack does not name a language the app speaks", () => {
  it("answers in the channel's language: Japanese in the Japanese channel, English in the English one", async () => {
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, READS_GERMAN, balanceClick(READS_GERMAN))).toContain("インシデント");
    expect(await ephemeralAfter(h, ENGLISH_CHANNEL, READS_GERMAN, balanceClick(READS_GERMAN, ENGLISH_CHANNEL))).toMatch(/available/i);
  });

  it("answers in DEFAULT_LOCALE where there is no channel to go by, and in the channel's when Slack cannot be asked", async () => {
    const engineer = "U0ENGDE";
    h.slack.setUser({ id: engineer, team_id: HOME_TEAM, locale: "de-DE" });
    const refused = await h.driver.slashCommand({ command: Commands.queue, userId: engineer, channelId: "D0ENGDE" });
    expect(JSON.stringify(refused.json)).toContain("Only T4U");

    const unknown = "U0CUSTNEW";
    h.slack.setUser({ id: unknown, team_id: CUSTOMER_TEAM, locale: "en-US" });
    h.slack.fail("users.info", { error: "ratelimited", times: 1 });
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, unknown, balanceClick(unknown))).toContain("インシデント");
  });
});

describe("the language kept for each person", () => {
  it("asks Slack once per person, and follows a change of language once what was kept has expired", async () => {
    const person = "U0CUSTSWITCH";
    h.slack.setUser({ id: person, team_id: CUSTOMER_TEAM, locale: "ja-JP" });
    const asked = () => h.slack.callsTo("users.info").filter((c) => (c.args as { user?: string }).user === person).length;
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, person, balanceClick(person))).toContain("インシデント");
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, person, balanceClick(person))).toContain("インシデント");
    expect(asked()).toBe(1);

    h.slack.setUser({ id: person, team_id: CUSTOMER_TEAM, locale: "en-US" });
    h.clock.advance(30 * 60_000);
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, person, balanceClick(person))).toContain("インシデント");
    h.clock.advance(31 * 60_000);
    expect(await ephemeralAfter(h, CUSTOMER_CHANNEL, person, balanceClick(person))).toMatch(/available/i);
    expect(asked()).toBe(2);
  });
});

describe("App Home", () => {
  it("is in each engineer's own language", async () => {
    h.slack.setUser({ id: ENGINEER_2, team_id: HOME_TEAM, locale: "en-US" });
    for (const user of [ENGINEER, ENGINEER_2]) await h.driver.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });
    await expect.poll(() => h.slack.homeView(ENGINEER) !== undefined && h.slack.homeView(ENGINEER_2) !== undefined).toBe(true);
    expect(JSON.stringify(h.slack.homeView(ENGINEER)!.blocks)).toContain("最新の情報に更新");
    expect(JSON.stringify(h.slack.homeView(ENGINEER_2)!.blocks)).toContain('"text":"Refresh"');
  });
});
