// What people do, as the reliability suites repeat it many times: open the case modal from the channel's entry
// message, submit it, click a case's buttons. All through signed requests into the real receiver.
import { expect } from "vitest";
import { randomUUID } from "node:crypto";
import { openCase } from "../../src/services/open-case.ts";
import { t } from "../../src/slack/i18n/index.ts";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import type { DriverResponse } from "../support/driver.ts";
import { CUSTOMER_CHANNEL, type Harness } from "../support/harness.ts";

export function entryTs(h: Harness, channelId = CUSTOMER_CHANNEL): string {
  const entry = h.slack.messages(channelId).find((m) => JSON.stringify(m.blocks ?? []).includes(Actions.openCase));
  if (!entry) throw new Error(`no entry message in ${channelId}`);
  return entry.ts;
}

/**
 * Clicks "open a case" and waits for the form Slack would show (not the loading view it first opens); returns its
 * view id. On a very busy moment Slack's 3 s trigger may still run out: the app then asks the person to press the
 * button again, and so does the person here, a few times at most.
 */
export async function openModal(h: Harness, userId: string, teamId: string, channelId = CUSTOMER_CHANNEL): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const from = h.slack.calls.length;
    const click = await h.driver.blockAction({ actionId: Actions.openCase, userId, userTeamId: teamId, channelId, messageTs: entryTs(h, channelId) });
    expect(click.status).toBe(200);
    // Generous: a hundred people clicking at once on a loaded machine each wait their turn for the form.
    const found = await until(() => formOrRetry(h, userId, from), 15_000);
    if (found?.viewId) return found.viewId;
    if (!found) break;
  }
  const refused = h.slack.calls.filter((c) => c.method === "views.open" && !c.ok).map((c) => c.error);
  throw new Error(`no case modal opened for ${userId} (views.open refused ${refused.length} times: ${[...new Set(refused)].join(", ")})`);
}

const RETRY = new Set((["ja", "en"] as const).map((l) => t(l, "modal.open.retry")));

/**
 * What the app did for the person since call `from`: updated a modal of theirs to the form, or asked them to click
 * again. Read from the stand-in's record of calls, which is not copied: a hundred people polling every view Slack
 * holds would themselves keep the machine too busy to open anyone's modal in time.
 */
function formOrRetry(h: Harness, userId: string, from: number): { viewId: string | null } | undefined {
  const calls = h.slack.calls;
  for (let i = from; i < calls.length; i += 1) {
    const call = calls[i]!;
    if (!call.ok) continue;
    if (call.method === "chat.postEphemeral" && call.args.user === userId && RETRY.has(String(call.args.text))) return { viewId: null };
    const spec = call.args.view as { callback_id?: unknown } | undefined;
    if (call.method !== "views.update" || spec?.callback_id !== Views.openCase) continue;
    const view = h.slack.view(String(call.args.view_id));
    if (view?.open && view.user_id === userId && view.callback_id === Views.openCase) return { viewId: view.id };
  }
  return undefined;
}

/**
 * Submits the case form and, unless told not to (Slack unreachable, so the app cannot update the modal), waits
 * until the modal shows what came of it.
 */
export async function submitCase(h: Harness, viewId: string, userId: string, teamId: string, fields: { title: string; description?: string; level?: string; product?: string }, options: { waitForOutcome?: boolean } = {}): Promise<DriverResponse & { viewId: string }> {
  const response = await h.driver.viewSubmission({
    callbackId: Views.openCase, viewId, userId, userTeamId: teamId,
    values: {
      [Inputs.title.block]: { [Inputs.title.action]: fields.title },
      [Inputs.description.block]: { [Inputs.description.action]: fields.description ?? "ライセンス認証でエラーが出ます。" },
      [Inputs.level.block]: { [Inputs.level.action]: fields.level ?? "normal" },
      ...(fields.product !== undefined ? { [Inputs.product.block]: { [Inputs.product.action]: fields.product } } : {}),
    },
  });
  // Answered with 「受付中…」, the case is opened after: wait, as the person does, for what the modal comes to show.
  if (received(response) && options.waitForOutcome !== false) await outcomeOf(h, viewId);
  return { ...response, viewId };
}

/** The case modal's outcome as seen through the stand-in: see test/support/case-modal.ts. */
import { outcomeOf, received } from "../support/case-modal.ts";
export { expectOpened, outcomeOf, received, refusalShown } from "../support/case-modal.ts";

/** A case opened through the service (set-up for tests about what happens next), its root message delivered. */
export async function openCaseDirect(h: Harness, title: string, openedBy: string, channelId: string = CUSTOMER_CHANNEL): Promise<number> {
  const result = await openCase(h.running.deps, {
    requestKey: randomUUID(), channelId, openedBy, title, description: "詳細", level: "normal",
  });
  if (!result.ok) throw new Error(`could not open a case: ${result.reason}`);
  return result.caseId;
}

/** The root message of a case as Slack shows it, once delivered. */
export async function rootTsOf(h: Harness, caseId: number): Promise<string> {
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } });
  if (!c.rootTs) throw new Error(`case ${caseId} has no root message yet`);
  return c.rootTs;
}

/** Runs `work` for every item with at most `limit` in flight, in order of start. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Waits until `read` gives the same answer twice in a row `quietMs` apart: listeners that run after the ack are done. */
export async function settled<T>(read: () => Promise<T>, quietMs = 300, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last = JSON.stringify(await read());
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const value = await read();
    const now = JSON.stringify(value);
    if (now === last || performance.now() > deadline) return value;
    last = now;
  }
}

/** The first truthy answer of `read`, polled until `timeoutMs`; undefined if none came (usable outside a test). */
export async function until<T>(read: () => T | Promise<T>, timeoutMs = 5_000): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (performance.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
}
