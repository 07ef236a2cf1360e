// The "pressed twice at once" runner shared by the proposal and modal suites: a twin pressed once, others pressed
// twice at the same moment, and every one must leave the twin's footprint.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import type { DriverResponse } from "../support/driver.ts";
import type { SlackView } from "../support/slack-api.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, type Harness } from "../support/harness.ts";
import { auditDelivery, auditLedger, caseFootprints, delta, tableCounts } from "./audit.ts";
import { person, type Who } from "./authorization-kit.ts";
import { inParallel, settled, until } from "./flows.ts";

export interface Pressable { caseId?: number; press: () => Promise<DriverResponse> }

export interface Twice {
  name: string;
  who: Who;
  /** False when preparing opens no modal, so that several can be prepared at once. */
  opensModal?: boolean;
  prepare(): Promise<Pressable>;
}

export async function caseIn(h: Harness, level: "normal" | "A" = "normal"): Promise<{ caseId: number; rootTs: string }> {
  const opened = await openCase(h.running.deps, {
    requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "二重操作の確認", description: "詳細", level,
    ...(level === "A" ? { levelReason: "report" as const } : {}),
  });
  if (!opened.ok) throw new Error(opened.reason);
  await h.drain();
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: opened.caseId } });
  return { caseId: c.id, rootTs: c.rootTs! };
}

/** The modal a click opened for the person (the newest one with that callback_id on their screen). */
export async function opened(h: Harness, by: Who, callbackId: string, open: () => Promise<DriverResponse>): Promise<SlackView> {
  const before = new Set(h.slack.views().map((v) => v.id));
  await open();
  const view = await until(() => h.slack.views().find((v) => !before.has(v.id) && v.callback_id === callbackId && v.user_id === person(by).userId));
  if (!view) throw new Error(`${by} could not open ${callbackId}`);
  return view;
}

/** Once nothing moves any more: no row written, no call to Slack made (an export's file comes after its rows). */
async function quiet(h: Harness): Promise<Record<string, number>> {
  const snapshot = async () => ({ ...(await tableCounts(h.database.db)), calls: h.slack.calls.length });
  await settled(snapshot, 250);
  await h.drain();
  return { ...(await tableCounts(h.database.db)), uploads: h.slack.uploads.length };
}

export async function pressedTwice(h: Harness, scenario: Twice, times: number): Promise<void> {
  const twin = await scenario.prepare();
  // Modals are told apart by which one appeared last, so those are prepared one at a time.
  const others = await inParallel(Array.from({ length: times }, (_, i) => i), scenario.opensModal === false ? 4 : 1, () => scenario.prepare());
  const base = await quiet(h);
  expect((await twin.press()).status).toBe(200);
  const afterOnce = await quiet(h);
  await inParallel(others, 5, async (o) => {
    const answers = await Promise.all([o.press(), o.press()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
  });
  const afterTwice = await quiet(h);
  const once = delta(afterOnce, base);
  expect(delta(afterTwice, afterOnce)).toEqual(Object.fromEntries(Object.entries(once).map(([key, n]) => [key, n * times])));
  if (twin.caseId !== undefined) {
    const prints = await caseFootprints(h.database.db, h.slack, [twin.caseId, ...others.map((o) => o.caseId!)]);
    const expected = JSON.stringify(prints.get(twin.caseId));
    expect(others.map((o) => o.caseId!).filter((id) => JSON.stringify(prints.get(id)) !== expected)).toEqual([]);
  }
  expect(await auditLedger(h.database.db)).toEqual([]);
  expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
}
