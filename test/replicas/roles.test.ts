// The app split in two processes on one database (an SQLite file, or PostgreSQL): a web process (APP_ROLE=web)
// takes Slack's requests, a worker (APP_ROLE=worker) delivers what they write and handles the messages they keep.
// What people notice must not change: a case opened through the web process is posted to its channel, a
// customer's reply is recorded and its notice delivered, and a worker killed while the web process keeps taking
// messages loses none of them: the next worker delivers all of it, each once. The web process itself never posts.
import { createServer, request, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import { TEST_PROVIDER } from "../support/database.ts";
import type { DriverResponse } from "../support/driver.ts";
import { expectEachPostOnceInOrder, posts, startReplicas, tokyo, type Replica, type ReplicaWorld } from "./replica-world.ts";

let world: ReplicaWorld | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy = undefined;
});

const CUSTOMER = { name: "株式会社サンプル", channelId: "C0CUSTA", team: "T0CUSTA", userId: "U0CUSTA" };
/** Web API methods that write messages: only a worker may call them. */
const POSTING = new Set(["chat.postMessage", "chat.update", "chat.postEphemeral", "chat.delete", "views.publish"]);

/** The Web API methods the web process called, seen by a pass-through in front of the Slack stand-in. */
async function recordingProxy(target: () => string, seen: string[]): Promise<string> {
  proxy = createServer((req, res) => {
    seen.push((req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "");
    const upstream = new URL(req.url ?? "/", target());
    const forward = request(upstream, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (!address || typeof address === "string") throw new Error("the proxy has no port");
  return `http://127.0.0.1:${address.port}/api/`;
}

async function webAndWorker(): Promise<{ w: ReplicaWorld; web: Replica; webCalls: string[] }> {
  const webCalls: string[] = [];
  let standIn = "";
  const proxied = await recordingProxy(() => standIn, webCalls);
  world = await startReplicas({
    skewsMs: [0, 0], roles: ["web", "worker"], provider: TEST_PROVIDER, schedulerEnabled: false, start: tokyo("2027-01-21 10:00").toISOString(),
    slackUrl: (role, url) => {
      standIn = url;
      return role === "web" ? proxied : url;
    },
  });
  await world.registerCustomer(CUSTOMER);
  await world.settled();
  return { w: world, web: world.replicas.find((r) => r.role === "web")!, webCalls };
}

function accepted(response: DriverResponse): DriverResponse {
  expect(response.status).toBe(200);
  expect(response.slackWouldReject).toBeUndefined();
  return response;
}

const caseRow = (w: ReplicaWorld, id: number) => w.database.db.client.case.findUniqueOrThrow({ where: { id } });

/** The customer clicks the channel's entry button and submits the modal, both through the web process. */
async function openCaseThroughWeb(w: ReplicaWorld, web: Replica, title: string): Promise<number> {
  const entry = w.slack.messages(CUSTOMER.channelId).filter((m) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${Actions.openCase}"`)).at(-1)!;
  const modals = () => w.slack.views().filter((v) => v.open && v.callback_id === Views.openCase && v.user_id === CUSTOMER.userId);
  const before = modals().length;
  accepted(await web.driver.blockAction({ actionId: Actions.openCase, userId: CUSTOMER.userId, userTeamId: CUSTOMER.team, channelId: CUSTOMER.channelId, messageTs: entry.ts }));
  await expect.poll(() => modals().length).toBe(before + 1);
  const count = await w.database.db.client.case.count();
  accepted(await web.driver.viewSubmission({
    callbackId: Views.openCase, userId: CUSTOMER.userId, userTeamId: CUSTOMER.team, viewId: modals().at(-1)!.id,
    values: {
      [Inputs.title.block]: { [Inputs.title.action]: title },
      [Inputs.description.block]: { [Inputs.description.action]: "ライセンス認証の画面でエラー E-1024 が表示されます。" },
      [Inputs.level.block]: { [Inputs.level.action]: "normal" },
    },
  }));
  await expect.poll(() => w.database.db.client.case.count()).toBe(count + 1);
  return (await w.database.db.client.case.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
}

/** The case's root message once the worker has posted it. */
async function postedRoot(w: ReplicaWorld, caseId: number): Promise<string> {
  await expect.poll(async () => (await caseRow(w, caseId)).rootTs, { timeout: 10_000 }).not.toBeNull();
  const rootTs = (await caseRow(w, caseId)).rootTs!;
  expect(w.slack.messages(CUSTOMER.channelId).some((m) => m.ts === rootTs && !m.thread_ts)).toBe(true);
  return rootTs;
}

const customerSays = (web: Replica, rootTs: string, text: string) =>
  web.driver.message({ channelId: CUSTOMER.channelId, userId: CUSTOMER.userId, userTeamId: CUSTOMER.team, text, threadTs: rootTs });

const recorded = (w: ReplicaWorld, caseId: number) =>
  w.database.db.client.caseMessage.findMany({ where: { caseId }, orderBy: { id: "asc" }, select: { text: true } }).then((rows) => rows.map((r) => r.text));

const unhandledEvents = (w: ReplicaWorld) => w.database.db.client.inboundEvent.count({ where: { doneAt: null } });

describe(`a web process and a worker on one ${TEST_PROVIDER === "postgresql" ? "PostgreSQL database" : "SQLite file"}`, { timeout: 120_000 }, () => {
  it("a case opened through the web process is posted to its channel by the worker, and a reply to it is recorded with its notice", async () => {
    const { w, web, webCalls } = await webAndWorker();
    const caseId = await openCaseThroughWeb(w, web, "ライセンス認証エラー");
    const rootTs = await postedRoot(w, caseId);
    await w.settled();
    // The triage channel heard of the case too, from the worker.
    expect((await caseRow(w, caseId)).triageTs).not.toBeNull();

    const outboxBefore = await w.database.db.client.outboxMessage.count();
    accepted(await customerSays(web, rootTs, "再起動しても同じエラーが出ます。"));
    await expect.poll(() => recorded(w, caseId), { timeout: 10_000 }).toContain("再起動しても同じエラーが出ます。");
    // The reply is told to T4U: whatever it wrote to the outbox is delivered.
    await expect.poll(() => w.database.db.client.outboxMessage.count()).toBeGreaterThan(outboxBefore);
    await w.settled();
    expect(await unhandledEvents(w)).toBe(0);
    await expectEachPostOnceInOrder(w);

    // The web process opened the modal itself (it answers the person who clicked) but posted nothing.
    expect(webCalls).toContain("views.open");
    expect(webCalls.filter((method) => POSTING.has(method))).toEqual([]);
    expect(posts(w.slack).length).toBeGreaterThan(0);
  });

  it("a worker killed while the web process keeps taking messages loses none: the next worker delivers all of it, each once", async () => {
    const { w, web, webCalls } = await webAndWorker();
    const caseId = await openCaseThroughWeb(w, web, "データ連携が止まりました");
    const rootTs = await postedRoot(w, caseId);
    await w.settled();
    const worker = w.replicas.find((r) => r.role === "worker")!;

    // Three replies while the worker runs (it may be in the middle of them when it dies), three while none does.
    const said = Array.from({ length: 6 }, (_, i) => `ログを添付します (${i + 1})`);
    for (const text of said.slice(0, 3)) accepted(await customerSays(web, rootTs, text));
    await w.kill(worker);
    for (const text of said.slice(3)) accepted(await customerSays(web, rootTs, text));
    expect(await unhandledEvents(w)).toBeGreaterThan(0);

    await w.add("worker");
    // What the killed worker held stays leased to it until the lease runs out: time moves past every lease.
    await w.setTime(new Date(w.clock.now().getTime() + 3 * 60_000));
    await expect.poll(() => unhandledEvents(w), { timeout: 20_000 }).toBe(0);
    expect((await recorded(w, caseId)).filter((text) => said.includes(text)).sort()).toEqual([...said].sort());
    await w.settled();
    await expectEachPostOnceInOrder(w);
    expect(webCalls.filter((method) => POSTING.has(method))).toEqual([]);
  });
});
