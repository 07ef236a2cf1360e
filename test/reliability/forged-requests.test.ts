// Forged and malformed requests: unsigned, wrongly signed, tampered, replayed (older than five minutes), smuggled
// behind Slack's ssl_check, unparseable, too large. Each is refused (401, 400, 413) and changes nothing: no rows, no
// call to Slack. The same requests, properly signed, do have effects, which shows the targets were worth forging.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";
import { tableCounts } from "./audit.ts";
import { openCaseDirect, rootTsOf, settled } from "./flows.ts";

let h: Harness;
let caseId = 0;
let rootTs = "";

beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 10 });
  caseId = await openCaseDirect(h, "偽造の標的", CUSTOMER);
  await h.drain();
  rootTs = await rootTsOf(h, caseId);
});
afterAll(async () => {
  await h?.close();
});

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const now = () => Math.floor(Date.now() / 1000);

interface Target { name: string; contentType: string; body(): string; effect(): Promise<boolean> }

/** Requests that would change something if the app accepted them. */
const TARGETS: Target[] = [
  {
    name: "an engineer's Resolve click",
    contentType: FORM,
    body: () => new URLSearchParams({ payload: JSON.stringify({
      type: "block_actions", user: { id: ENGINEER, team_id: HOME_TEAM }, team: { id: HOME_TEAM }, api_app_id: h.slack.appId,
      container: { type: "message", message_ts: rootTs, channel_id: CUSTOMER_CHANNEL }, channel: { id: CUSTOMER_CHANNEL },
      trigger_id: "1.2.3", response_url: `${h.slack.origin}/hooks/none`,
      actions: [{ type: "button", action_id: Actions.resolve, block_id: `case_actions:${caseId}`, value: String(caseId), action_ts: "1.2" }],
    }) }).toString(),
    effect: async () => (await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).state === "resolved",
  },
  {
    name: "a customer's follow-up in the case thread",
    contentType: JSON_TYPE,
    body: () => JSON.stringify({
      type: "event_callback", team_id: CUSTOMER_TEAM, api_app_id: h.slack.appId, event_id: "EvFORGED01", event_time: now(),
      authorizations: [{ team_id: HOME_TEAM, user_id: h.slack.botUserId, is_bot: true }],
      event: { type: "message", channel: CUSTOMER_CHANNEL, user: CUSTOMER, user_team: CUSTOMER_TEAM, text: "偽の追加質問", ts: `${now()}.000100`, thread_ts: rootTs, channel_type: "channel" },
    }),
    effect: async () => (await h.database.db.client.caseMessage.count()) > 0,
  },
  {
    name: "a case modal submission",
    contentType: FORM,
    body: () => new URLSearchParams({ payload: JSON.stringify({
      type: "view_submission", user: { id: CUSTOMER, team_id: CUSTOMER_TEAM }, team: { id: CUSTOMER_TEAM }, api_app_id: h.slack.appId, trigger_id: "1.2.3",
      view: {
        id: "VFORGED", type: "modal", callback_id: Views.openCase, team_id: CUSTOMER_TEAM, app_installed_team_id: HOME_TEAM, hash: "1.a",
        private_metadata: JSON.stringify({ requestKey: "forged-request-key-1", channelId: CUSTOMER_CHANNEL, sourceTs: null, previousCaseId: null }),
        state: { values: {
          [Inputs.title.block]: { [Inputs.title.action]: { type: "plain_text_input", value: "偽造された案件" } },
          [Inputs.description.block]: { [Inputs.description.action]: { type: "plain_text_input", value: "偽造" } },
          [Inputs.level.block]: { [Inputs.level.action]: { type: "radio_buttons", selected_option: { value: "normal" } } },
        } },
      },
    }) }).toString(),
    effect: async () => (await h.database.db.client.case.count({ where: { title: "偽造された案件" } })) > 0,
  },
  {
    name: "a manager's /balance",
    contentType: FORM,
    body: () => new URLSearchParams({
      command: Commands.balance, text: "", user_id: MANAGER, team_id: HOME_TEAM, channel_id: "C0MGRS", api_app_id: h.slack.appId,
      trigger_id: "1.2.3", response_url: `${h.slack.origin}/hooks/none`,
    }).toString(),
    // Its effect is what it shows: every customer's balance, in the response body.
    effect: async () => false,
  },
];

function signWith(secret: string, body: string, timestamp: number): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-signature": `v0=${signature}`, "x-slack-request-timestamp": String(timestamp) };
}

interface Forgery { name: string; status: number; make(t: Target): { body: string; headers: Record<string, string> } | null }

const FORGERIES: Forgery[] = [
  { name: "unsigned", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType } }) },
  { name: "signed with another secret", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType, ...signWith("not-the-signing-secret", t.body(), now()) } }) },
  {
    name: "tampered after signing", status: 401,
    make: (t) => ({ body: t.body().replaceAll(CUSTOMER, "U0CUSTX").replaceAll(ENGINEER, "U0ENG2").replaceAll(MANAGER, "U0MGR2"), headers: { "content-type": t.contentType, ...h.driver.sign(t.body()) } }),
  },
  { name: "replayed: signed six minutes ago", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType, ...h.driver.sign(t.body(), now() - 360) } }) },
  { name: "replayed: signed 5 min 1 s ago", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType, ...h.driver.sign(t.body(), now() - 301) } }) },
  { name: "signature of the wrong version", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType, ...h.driver.sign(t.body()), "x-slack-signature": `v1=${"0".repeat(64)}` } }) },
  { name: "timestamp that is not a number", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType, ...h.driver.sign(t.body()), "x-slack-request-timestamp": "yesterday" } }) },
  { name: "empty signature", status: 401, make: (t) => ({ body: t.body(), headers: { "content-type": t.contentType, "x-slack-signature": "", "x-slack-request-timestamp": String(now()) } }) },
  {
    // Slack's SSL check needs no signature; a payload smuggled beside it must not be processed.
    name: "smuggled behind ssl_check=1", status: 200,
    make: (t) => (t.contentType === FORM ? { body: `ssl_check=1&${t.body()}`, headers: { "content-type": FORM } } : null),
  },
];

interface Malformed { name: string; status: number; body: string; contentType: string }

const MALFORMED: Malformed[] = [
  { name: "JSON that does not parse", status: 400, body: '{"type":"event_callback","event":{', contentType: JSON_TYPE },
  { name: "a form whose payload is not JSON", status: 400, body: "payload=%7Bnot-json", contentType: FORM },
  { name: "an empty body", status: 400, body: "", contentType: JSON_TYPE },
  { name: "plain text", status: 400, body: "resolve case 1 please", contentType: "text/plain" },
  { name: "a form sent as JSON", status: 400, body: "command=%2Fbalance&user_id=U0MGR1", contentType: JSON_TYPE },
  { name: "XML", status: 400, body: "<?xml version=\"1.0\"?><payload/>", contentType: "application/xml" },
  { name: "a form with a charset the receiver does not expect", status: 400, body: "command=%2Fbalance&user_id=U0MGR1", contentType: `${FORM}; charset=utf-8` },
];

describe("forged and malformed requests are refused and change nothing", () => {
  let before: Record<string, number>;
  let callsBefore = 0;
  const outcomes: string[] = [];

  beforeAll(async () => {
    before = await tableCounts(h.database.db);
    callsBefore = h.slack.calls.length;
  });

  for (const forgery of FORGERIES) {
    it(`refuses ${forgery.name} (${forgery.status})`, async () => {
      for (const target of TARGETS) {
        const request = forgery.make(target);
        if (!request) continue;
        const answer = await h.driver.raw(request.body, request.headers);
        outcomes.push(`${forgery.name} / ${target.name}: ${answer.status}`);
        expect(answer.status, `${target.name}`).toBe(forgery.status);
        expect(answer.text).not.toContain("株式会社サンプル");
      }
    });
  }

  for (const bad of MALFORMED) {
    it(`refuses ${bad.name}, correctly signed (${bad.status})`, async () => {
      const answer = await h.driver.raw(bad.body, { "content-type": bad.contentType, ...h.driver.sign(bad.body) });
      expect(answer.status).toBe(bad.status);
    });
  }

  it("refuses a body over 4 MB before reading it as a request (413)", async () => {
    const body = `payload=${"x".repeat(4 * 1024 * 1024 + 1)}`;
    const answer = await h.driver.raw(body, { "content-type": FORM, ...h.driver.sign(body) });
    expect(answer.status).toBe(413);
  });

  it("wrote nothing and called Slack for nothing", async () => {
    expect(await settled(() => tableCounts(h.database.db))).toEqual(before);
    await h.drain();
    expect(h.slack.calls.slice(callsBefore)).toEqual([]);
    for (const target of TARGETS) expect(await target.effect(), target.name).toBe(false);
  });

  it("accepts the same requests when Slack signed them (the targets were worth forging)", async () => {
    for (const target of TARGETS) {
      const answer = await h.driver.raw(target.body(), { "content-type": target.contentType, ...h.driver.sign(target.body()) });
      expect(answer.status, target.name).toBe(200);
      if (target.name.includes("/balance")) expect(answer.text).toContain("株式会社サンプル");
    }
    for (const target of TARGETS.filter((t) => !t.name.includes("/balance"))) await expect.poll(() => target.effect(), { timeout: 5_000, message: target.name }).toBe(true);
  });
});
