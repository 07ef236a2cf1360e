// A fuzz run against the real receiver: 10,000 generated payloads with valid signatures (commands, clicks, modal
// submissions, events, shapes Slack never sends), full of hostile strings and values of the wrong type. The app
// must never crash, never answer 5xx, never leave a promise rejection unhandled, never let a listener throw, keep
// its memory flat, and still serve people normally afterwards.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, INTERNAL, MANAGER, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { auditLedger, tableCounts } from "./audit.ts";
import { inParallel, openCaseDirect, openModal, rootTsOf, settled, submitCase } from "./flows.ts";
import { fuzzRequests, TRIGGER, type FuzzRequest, type FuzzWorld } from "./fuzz-payloads.ts";
import { probeListeners } from "./listening.ts";
import { expectOpened } from "../support/case-modal.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Of which, shapes no listener claims: each holds a connection for Bolt's 3 s, so they run in a wide lane of their own. */
const UNCLAIMED = Math.round(RUNS / 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);
/** Requests in flight: enough to overlap handling, few enough not to turn the fuzz into a load test. */
const LANES = 16;
const UNCLAIMED_LANES = 100;
/** Heap growth tolerated over the run, after garbage collection: a leak of 1 KB per request would show as ~10 MB. */
const HEAP_TOLERANCE_BYTES = 8 * 1024 * 1024;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
/** Counted, not kept: the run must not grow the test's own memory. */
const errorLines = new Map<string, number>();
const errorSamples: string[] = [];
/**
 * Error lines that mean the app itself failed on a request: not Slack refusing a call (a trigger that expired
 * while the machine was busy), nor Bolt's 3 s timeout for shapes no listener claims.
 */
const isFailure = (line: { msg: string; code?: string }) => /listener failed|unhandled error/i.test(line.msg) && line.code !== "slack_webapi_platform_error";

let h: Harness;
let world: FuzzWorld;

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  const logger = createLogger("warn", (line) => {
    const parsed = JSON.parse(line) as { level: string; msg: string; code?: string };
    if (parsed.level !== "error") return;
    errorLines.set(parsed.msg, (errorLines.get(parsed.msg) ?? 0) + 1);
    if (isFailure(parsed) && errorSamples.length < 10) errorSamples.push(line.slice(0, 600));
    if (process.env.FUZZ_DEBUG) console.info(line.slice(0, 600));
  });
  h = await startHarness({ logger });
  await h.registerCustomer({ incidents: 200 });
  await h.registerCustomer({ name: "別の会社", channelId: OTHER_CHANNEL, incidents: 5 });
  const caseIds = [await openCaseDirect(h, "ファズの標的1", CUSTOMER), await openCaseDirect(h, "ファズの標的2", CUSTOMER), await openCaseDirect(h, "他社の案件", OTHER_CUSTOMER, OTHER_CHANNEL)];
  await h.drain();
  world = {
    users: [CUSTOMER, OTHER_CUSTOMER, ENGINEER, MANAGER, INTERNAL],
    teams: [HOME_TEAM, CUSTOMER_TEAM, OTHER_CUSTOMER_TEAM],
    channels: [CUSTOMER_CHANNEL, OTHER_CHANNEL, TRIAGE_CHANNEL],
    caseIds: [...caseIds, 999_999],
    messageTs: await Promise.all(caseIds.map((id) => rootTsOf(h, id))),
    appId: h.slack.appId,
    listening: { actions: [], views: [], commands: [], shortcuts: [] },
  };
  world.listening = await probeListeners(h);
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await h?.close();
});

interface Tally { statuses: Map<number, number>; byKind: Map<string, number>; slowestMs: number; fiveXX: string[] }

async function fire(generate: () => FuzzRequest[], lanes = LANES, tally: Tally = { statuses: new Map(), byKind: new Map(), slowestMs: 0, fiveXX: [] }): Promise<Tally> {
  const requests: Array<FuzzRequest | null> = generate();
  await inParallel(requests.map((_, i) => i), lanes, async (i) => {
    const r = requests[i]!;
    requests[i] = null;
    // A trigger Slack would have issued, so that modals the app opens in answer really open.
    const body = r.body.replaceAll(TRIGGER, h.slack.issueTriggerId());
    const answer = await h.driver.raw(body, { "content-type": r.contentType, ...h.driver.sign(body) });
    tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
    tally.byKind.set(r.kind, (tally.byKind.get(r.kind) ?? 0) + 1);
    tally.slowestMs = Math.max(tally.slowestMs, answer.elapsedMs);
    if (answer.status >= 500 && tally.fiveXX.length < 5) tally.fiveXX.push(`${answer.status} ${r.kind}: ${r.body.slice(0, 400)}`);
  });
  return tally;
}

/** Heap in use once garbage is collected; the stand-in's record of calls is cleared first (it is the test's, not the app's). */
async function heapUsed(): Promise<number> {
  await settled(() => tableCounts(h.database.db), 300);
  await h.drain();
  const entry = h.slack.messages(CUSTOMER_CHANNEL)[0];
  h.slack.reset();
  // The channel's entry message is what the last test clicks: put it back as Slack still shows it.
  if (entry) h.slack.recordMessage(CUSTOMER_CHANNEL, entry);
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

describe(`fuzzing the receiver with ${RUNS.toLocaleString("en")} signed payloads`, () => {
  it("never crashes, never answers 5xx, leaves nothing unhandled, and keeps memory flat", async () => {
    await fire(() => fc.sample(fuzzRequests(world, "claimed"), { numRuns: 1_000, seed: SEED + 1 }));
    const heapBefore = await heapUsed();
    const started = performance.now();
    // Generated in slices and dropped once sent, so the payloads themselves do not count as the app's memory.
    const tally = await fire(() => fc.sample(fuzzRequests(world, "claimed"), { numRuns: RUNS - UNCLAIMED, seed: SEED }));
    await fire(() => fc.sample(fuzzRequests(world, "unclaimed"), { numRuns: UNCLAIMED, seed: SEED + 2 }), UNCLAIMED_LANES, tally);
    const seconds = (performance.now() - started) / 1000;
    const heapAfter = await heapUsed();

    const summary = {
      runs: RUNS, seed: SEED, listening: Object.fromEntries(Object.entries(world.listening).map(([k, v]) => [k, v.length])), seconds: Math.round(seconds), statuses: Object.fromEntries(tally.statuses), kinds: Object.fromEntries(tally.byKind),
      slowestMs: Math.round(tally.slowestMs), heapBeforeMB: +(heapBefore / 2 ** 20).toFixed(1), heapAfterMB: +(heapAfter / 2 ** 20).toFixed(1),
      errors: Object.fromEntries(errorLines),
    };
    console.info(`fuzz: ${JSON.stringify(summary)}`);

    expect(tally.fiveXX).toEqual([]);
    // 200 handled, 400 refused as malformed, 404 claimed by no listener (Bolt's answer after its 3 s wait).
    expect([...tally.statuses.keys()].filter((s) => s !== 200 && s !== 400 && s !== 404)).toEqual([]);
    expect(rejections).toEqual([]);
    expect(errorSamples).toEqual([]);
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_TOLERANCE_BYTES);
    expect(await auditLedger(h.database.db)).toEqual([]);
  }, 240_000);

  it("still serves a customer normally afterwards", async () => {
    const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
    const submitted = await submitCase(h, view, CUSTOMER, CUSTOMER_TEAM, { title: "ファズの後の案件" });
    await expectOpened(h, submitted, view);
    await h.drain();
    expect(h.slack.messages(CUSTOMER_CHANNEL).some((m) => JSON.stringify(m.blocks ?? []).includes("ファズの後の案件"))).toBe(true);
  });
});
