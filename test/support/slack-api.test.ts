import { ErrorCode, LogLevel, WebClient, type Logger, type WebClientOptions } from "@slack/web-api";
import type { types } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSlackStandIn, type SlackStandIn } from "./slack-api.ts";

const TOKEN = "xoxb-stand-in-test";
const CHANNEL = "C0SHARED01";

let clockMs = 1_764_000_000_000;

// The refusals below are the point of these tests; WebClient would print each one as an error.
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

function webClient(token: string, url: string, extra: WebClientOptions = {}): WebClient {
  return new WebClient(token, { slackApiUrl: url, retryConfig: { retries: 0 }, logger: quiet, ...extra });
}
let slack: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  slack = await startSlackStandIn({ token: TOKEN, teamId: "T0HOME0001", botUserId: "U0BOT00001", now: () => clockMs });
  client = webClient(TOKEN, slack.url);
});

afterAll(async () => {
  await slack.close();
});

beforeEach(() => {
  slack.reset();
});

/** The Slack error body of a refused call; fails the test if the call succeeded or failed some other way. */
async function refusal(call: Promise<unknown>): Promise<{ error: string; response_metadata?: { messages?: string[] } }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === ErrorCode.PlatformError && "data" in error) {
      return error.data as { error: string; response_metadata?: { messages?: string[] } };
    }
    throw error;
  }
  throw new Error("the call was expected to be refused");
}

const button = (text: string) => ({
  type: "actions",
  elements: [{ type: "button", action_id: "go", text: { type: "plain_text", text }, value: "1" }],
});

const modal: types.ModalView = {
  type: "modal",
  callback_id: "case_open_modal",
  title: { type: "plain_text", text: "Open a case" },
  submit: { type: "plain_text", text: "Open" },
  blocks: [
    {
      type: "input",
      block_id: "in_title",
      label: { type: "plain_text", text: "Title" },
      element: { type: "plain_text_input", action_id: "title" },
    },
  ],
};

describe("authentication", () => {
  it("answers auth.test with what Bolt needs", async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^https:\/\//),
      team: expect.any(String),
      team_id: "T0HOME0001",
      user: expect.any(String),
      user_id: "U0BOT00001",
      bot_id: expect.stringMatching(/^B/),
    });
  });

  it("refuses a wrong token with invalid_auth and records the attempt", async () => {
    const intruder = webClient("xoxb-wrong", slack.url);
    expect((await refusal(intruder.chat.postMessage({ channel: CHANNEL, text: "hi" }))).error).toBe("invalid_auth");
    expect(slack.calls).toMatchObject([{ method: "chat.postMessage", ok: false, error: "invalid_auth" }]);
    expect(slack.callsTo("chat.postMessage")).toEqual([]);
    expect(slack.messages(CHANNEL)).toEqual([]);
  });

  it("refuses a call without a token with not_authed, as Slack does", async () => {
    const response = await fetch(`${slack.url}auth.test`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: "not_authed" });
  });

  it("takes the token from a form body and JSON bodies from the Authorization header", async () => {
    const form = await fetch(`${slack.url}auth.test`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    });
    expect(await form.json()).toMatchObject({ ok: true });
    const json = await fetch(`${slack.url}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ channel: CHANNEL, blocks: [button("Take")], text: "fallback" }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: CHANNEL });
    expect(slack.messages(CHANNEL)[0]?.blocks).toHaveLength(1);
  });
});

describe("refusing what Slack refuses", () => {
  it("answers unknown methods with unknown_method", async () => {
    expect((await refusal(client.apiCall("chat.postMesage", { channel: CHANNEL }))).error).toBe("unknown_method");
  });

  it("refuses missing arguments", async () => {
    expect((await refusal(client.apiCall("chat.postMessage", { channel: CHANNEL }))).error).toBe("no_text");
    expect((await refusal(client.apiCall("chat.postMessage", { text: "hi" }))).error).toBe("channel_not_found");
    const noView = await refusal(client.apiCall("views.open", { trigger_id: slack.issueTriggerId() }));
    expect(noView.error).toBe("invalid_arguments");
    expect(noView.response_metadata?.messages?.[0]).toMatch(/view/);
    expect((await refusal(client.apiCall("users.info", {}))).error).toBe("invalid_arguments");
    expect((await refusal(client.apiCall("views.update", { view: modal }))).error).toBe("invalid_arguments");
  });

  it("refuses more than 50 blocks in a message with invalid_blocks", async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
    const result = await refusal(client.chat.postMessage({ channel: CHANNEL, text: "x", blocks }));
    expect(result.error).toBe("invalid_blocks");
    expect(result.response_metadata?.messages?.[0]).toMatch(/^\[ERROR\] .*at most 50 blocks/);
  });

  it("refuses button text over 75 characters", async () => {
    const result = await refusal(client.chat.postMessage({ channel: CHANNEL, text: "x", blocks: [button("x".repeat(76))] }));
    expect(result.error).toBe("invalid_blocks");
    expect(result.response_metadata?.messages?.[0]).toMatch(/json-pointer:\/blocks\/0\/elements\/0\/text\/text/);
  });

  it("refuses an invalid modal with invalid_arguments and a response_metadata line", async () => {
    const view: types.ModalView = { ...modal, title: { type: "plain_text", text: "A title that is far too long for Slack" } };
    const result = await refusal(client.views.open({ trigger_id: slack.issueTriggerId(), view }));
    expect(result.error).toBe("invalid_arguments");
    expect(result.response_metadata?.messages?.[0]).toMatch(/\/view\/title\/text/);
  });

  it("lets a trigger_id open one modal, once, within 3 seconds", async () => {
    const trigger = slack.issueTriggerId();
    await client.views.open({ trigger_id: trigger, view: modal });
    expect((await refusal(client.views.open({ trigger_id: trigger, view: modal }))).error).toBe("exchanged_trigger_id");

    const late = slack.issueTriggerId();
    clockMs += 3_001;
    expect((await refusal(client.views.open({ trigger_id: late, view: modal }))).error).toBe("expired_trigger_id");
    expect((await refusal(client.views.open({ trigger_id: "123.456.abc", view: modal }))).error).toBe("invalid_trigger_id");
  });

  it("does not spend a trigger on a view it refuses", async () => {
    const trigger = slack.issueTriggerId();
    await refusal(client.views.open({ trigger_id: trigger, view: { ...modal, submit: undefined } }));
    await expect(client.views.open({ trigger_id: trigger, view: modal })).resolves.toMatchObject({ ok: true });
  });

  it("refuses to touch messages that do not exist or are not the app's", async () => {
    expect((await refusal(client.chat.update({ channel: CHANNEL, ts: "1764000000.000100", text: "x" }))).error).toBe(
      "message_not_found",
    );
    const ts = slack.nextTs();
    slack.recordMessage(CHANNEL, { ts, text: "a customer wrote this", user: "U0CUST0001" });
    expect((await refusal(client.chat.update({ channel: CHANNEL, ts, text: "x" }))).error).toBe("cant_update_message");
    expect((await refusal(client.chat.delete({ channel: CHANNEL, ts }))).error).toBe("cant_delete_message");
  });
});

describe("messages", () => {
  it("posts, updates and deletes, keeping the channel's current state", async () => {
    const first = await client.chat.postMessage({ channel: CHANNEL, text: "one", blocks: [button("Take")] });
    const second = await client.chat.postMessage({ channel: CHANNEL, text: "two", thread_ts: first.ts });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({ text: "one", user: "U0BOT00001", bot_id: slack.botId });

    await client.chat.update({ channel: CHANNEL, ts: first.ts ?? "", text: "one, taken" });
    const updated = slack.messages(CHANNEL)[0];
    expect(updated?.text).toBe("one, taken");
    // Blocks survive an update that leaves them out.
    expect(updated?.blocks?.[0]).toMatchObject({ type: "actions", block_id: expect.any(String) });

    await client.chat.delete({ channel: CHANNEL, ts: second.ts ?? "" });
    expect(slack.messages(CHANNEL).map((m) => m.ts)).toEqual([first.ts]);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
    expect(slack.callsTo("chat.postMessage")[1]?.args).toMatchObject({ thread_ts: first.ts, text: "two" });
  });

  it("hands out unique, increasing ts even when the clock stands still", () => {
    const seen = Array.from({ length: 50 }, () => slack.nextTs());
    expect(new Set(seen).size).toBe(50);
    expect([...seen].sort()).toEqual(seen);
  });

  it("accepts text over 40,000 characters but truncates it and says so", async () => {
    await client.chat.postMessage({ channel: CHANNEL, text: "あ".repeat(40_001) });
    const [message] = slack.messages(CHANNEL);
    expect(message?.text).toHaveLength(40_000);
    expect(message?.truncated).toBe(true);
  });

  it("posts ephemerals and permalinks", async () => {
    const ephemeral = await client.chat.postEphemeral({ channel: CHANNEL, user: "U0ENG00001", text: "only you" });
    expect(slack.ephemerals(CHANNEL)).toMatchObject([{ user: "U0ENG00001", message_ts: ephemeral.message_ts }]);
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: "link me" });
    const link = await client.chat.getPermalink({ channel: CHANNEL, message_ts: posted.ts ?? "" });
    expect(link.permalink).toMatch(new RegExp(`/archives/${CHANNEL}/p\\d{16}$`));
  });

  it("pins a message once", async () => {
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: "open a case here" });
    await client.pins.add({ channel: CHANNEL, timestamp: posted.ts ?? "" });
    expect((await refusal(client.pins.add({ channel: CHANNEL, timestamp: posted.ts ?? "" }))).error).toBe("already_pinned");
  });

  it("answers response_url posts like Slack and applies them", async () => {
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: "case", blocks: [button("Take")] });
    const url = slack.issueResponseUrl({ channelId: CHANNEL, userId: "U0ENG00001", messageTs: posted.ts ?? "" });
    const replace = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ replace_original: true, text: "taken" }),
    });
    expect(replace.status).toBe(200);
    expect(slack.messages(CHANNEL)[0]?.text).toBe("taken");
    const bad = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "x", blocks: [button("x".repeat(80))] }),
    });
    expect(bad.status).toBe(400);
    expect(slack.calls.filter((c) => c.method === "response_url").map((c) => c.ok)).toEqual([true, false]);
  });
});

describe("views", () => {
  it("opens, updates with hash checks, pushes and publishes", async () => {
    const opened = await client.views.open({ trigger_id: slack.issueTriggerId({ userId: "U0ENG00001" }), view: modal });
    const id = opened.view?.id ?? "";
    expect(id).toMatch(/^V/);
    expect(opened.view).toMatchObject({ callback_id: "case_open_modal", hash: expect.any(String), root_view_id: id });

    const updated = await client.views.update({ view_id: id, hash: opened.view?.hash ?? "", view: { ...modal, private_metadata: "42" } });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(slack.view(id)?.private_metadata).toBe("42");
    expect((await refusal(client.views.update({ view_id: id, hash: opened.view?.hash ?? "", view: modal }))).error).toBe(
      "hash_conflict",
    );
    expect((await refusal(client.views.update({ view_id: "VNOPE", view: modal }))).error).toBe("not_found");

    const pushed = await client.views.push({ trigger_id: slack.issueTriggerId({ userId: "U0ENG00001", viewId: id }), view: modal });
    expect(pushed.view).toMatchObject({ root_view_id: id, previous_view_id: id });

    const home: types.HomeView = { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Queue" } }] };
    await client.views.publish({ user_id: "U0ENG00001", view: home });
    expect(slack.homeView("U0ENG00001")?.blocks).toHaveLength(1);
    expect((await refusal(client.views.publish({ user_id: "U0ENG00001", view: modal }))).error).toBe("invalid_arguments");
  });

  it("stacks at most three modals", async () => {
    const root = await client.views.open({ trigger_id: slack.issueTriggerId(), view: modal });
    const rootId = root.view?.id ?? "";
    const push = () => client.views.push({ trigger_id: slack.issueTriggerId({ viewId: rootId }), view: modal });
    await push();
    await push();
    expect((await refusal(push())).error).toBe("push_limit_reached");
  });
});

describe("users and conversations", () => {
  it("invents plausible users, knows configured ones, and reports the locale only when asked", async () => {
    const invented = await client.users.info({ user: "U0SOMEONE1" });
    expect(invented.user).toMatchObject({ id: "U0SOMEONE1", team_id: "T0HOME0001" });
    expect(invented.user?.locale).toBeUndefined();

    slack.setUser({ id: "U0CUST0001", team_id: "T0CUSTOMER", name: "kunde", locale: "de-DE", is_external: true });
    const external = await client.users.info({ user: "U0CUST0001", include_locale: true });
    expect(external.user).toMatchObject({ team_id: "T0CUSTOMER", name: "kunde", locale: "de-DE", is_stranger: true });

    expect((await refusal(client.users.info({ user: "not-a-user" }))).error).toBe("user_not_found");
  });

  it("can be strict about unknown users", async () => {
    const strict = await startSlackStandIn({ token: TOKEN, unknownUsers: "not_found" });
    try {
      const strictClient = webClient(TOKEN, strict.url);
      expect((await refusal(strictClient.users.info({ user: "U0SOMEONE1" }))).error).toBe("user_not_found");
    } finally {
      await strict.close();
    }
  });

  it("describes channels, shared or not", async () => {
    slack.setChannel({ id: CHANNEL, name: "t4u-acme", is_ext_shared: true, connected_team_ids: ["T0CUSTOMER"] });
    const shared = await client.conversations.info({ channel: CHANNEL });
    expect(shared.channel).toMatchObject({ id: CHANNEL, name: "t4u-acme", is_ext_shared: true });
    expect((await refusal(client.conversations.info({ channel: "general" }))).error).toBe("channel_not_found");
  });

  it("opens a direct message with a person, the same one a user-id post reaches, and refuses what Slack refuses", async () => {
    const dm = await client.conversations.open({ users: "U0MANAGER1" });
    expect(dm.channel?.id).toBe("D0MANAGER1");
    await client.chat.postMessage({ channel: "U0MANAGER1", text: "hello" });
    expect(slack.messages("D0MANAGER1").map((m) => m.text)).toEqual(["hello"]);
    expect((await refusal(client.apiCall("conversations.open", {}))).error).toBe("users_list_not_supplied");
    expect((await refusal(client.conversations.open({ users: "U0BOT00001" }))).error).toBe("cannot_dm_bot");
    const many = Array.from({ length: 9 }, (_, i) => `U0PERSON${i}`).join(",");
    expect((await refusal(client.conversations.open({ users: many }))).error).toBe("too_many_users");
  });
});

describe("file uploads", () => {
  it("takes a real filesUploadV2 and records the bytes", async () => {
    const csv = "日付,件数\n2026-11-25,3\n";
    await client.filesUploadV2({ channel_id: CHANNEL, filename: "ledger.csv", content: csv, title: "Ledger" });
    expect(slack.uploads).toHaveLength(1);
    expect(slack.uploads[0]).toMatchObject({ filename: "ledger.csv", channel_id: CHANNEL, title: "Ledger" });
    expect(slack.uploads[0]?.content.toString("utf8")).toBe(csv);
    expect(slack.callsTo("files.getUploadURLExternal")[0]?.args).toMatchObject({ length: String(Buffer.byteLength(csv)) });
  });

  it("refuses completing an upload whose bytes differ from the announced length", async () => {
    const url = await client.files.getUploadURLExternal({ filename: "a.txt", length: 3 });
    await fetch(url.upload_url ?? "", { method: "POST", body: "日本" });
    const result = await refusal(client.files.completeUploadExternal({ files: [{ id: url.file_id ?? "" }] }));
    expect(result.error).toBe("invalid_arguments");
    expect((await refusal(client.files.completeUploadExternal({ files: [{ id: "FNOPE" }] }))).error).toBe("file_not_found");
  });
});

describe("fault injection", () => {
  it("answers 429 with Retry-After for the next call only", async () => {
    slack.fail("chat.postMessage", { status: 429, retryAfter: 7 });
    const impatient = webClient(TOKEN, slack.url, { rejectRateLimitedCalls: true });
    await expect(impatient.chat.postMessage({ channel: CHANNEL, text: "x" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(impatient.chat.postMessage({ channel: CHANNEL, text: "x" })).resolves.toMatchObject({ ok: true });
    expect(slack.calls.map((c) => c.error ?? "ok")).toEqual(["http_429", "ok"]);
  });

  it("answers a status, a Slack error body, `times` times", async () => {
    slack.fail("users.info", { status: 500 });
    await expect(client.users.info({ user: "U0X0000001" })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    slack.fail("users.info", { error: "ratelimited", times: 2 });
    expect((await refusal(client.users.info({ user: "U0X0000001" }))).error).toBe("ratelimited");
    expect((await refusal(client.users.info({ user: "U0X0000001" }))).error).toBe("ratelimited");
    await expect(client.users.info({ user: "U0X0000001" })).resolves.toMatchObject({ ok: true });
  });

  it("hangs until the client gives up, and still closes", async () => {
    const hung = await startSlackStandIn({ token: TOKEN });
    const patient = webClient(TOKEN, hung.url, { timeout: 200 });
    hung.fail("views.open", { hang: true });
    await expect(patient.views.open({ trigger_id: hung.issueTriggerId(), view: modal })).rejects.toMatchObject({
      code: ErrorCode.RequestError,
    });
    hung.fail("chat.postMessage", { hang: true });
    const pending = fetch(`${hung.url}chat.postMessage`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
    const settled = pending.then(() => "answered", () => "cut off");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await hung.close();
    expect(await settled).toBe("cut off");
  });
});
