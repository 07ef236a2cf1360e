// What a customer does and sees in their channel, in the driver's terms: shared by the customer-* suites.
import { expect } from "vitest";
import { t } from "../../src/slack/i18n/index.ts";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import type { SlackMessage, SlackView } from "../support/slack-api.ts";
import { caseFormOf, outcomeOf, received } from "../support/case-modal.ts";
export { expectOpened, outcomeOf, received, refusalShown } from "../support/case-modal.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, type Harness } from "../support/harness.ts";

export function entryTs(h: Harness, channelId = CUSTOMER_CHANNEL): string {
  const entry = h.slack.messages(channelId).filter((m) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${Actions.openCase}"`)).at(-1);
  if (!entry) throw new Error(`no entry message in ${channelId}`);
  return entry.ts;
}

function caseModals(h: Harness, userId: string): SlackView[] {
  return h.slack.views().filter((v) => v.callback_id === Views.openCase && v.user_id === userId);
}

/** Runs `click`, then waits for the case modal it opens (modals open after the ack, as in Slack). */
export async function modalAfter(h: Harness, userId: string, click: () => Promise<unknown>): Promise<SlackView> {
  const before = caseModals(h, userId).length;
  await click();
  await expect.poll(() => caseModals(h, userId).length).toBe(before + 1);
  return caseModals(h, userId).at(-1)!;
}

/** The words of a case modal that has nothing to submit (loading, received, opened, refused). */
export function noticeText(view: SlackView): string {
  return view.blocks.map((b) => (b as { text?: { text?: string } }).text?.text ?? "").join("\n");
}

/**
 * Runs `click` on an open-case button, then waits for what the modal it opened at once came to say instead of the
 * form (why no case can be opened here); returns that text.
 */
export async function caseNoticeAfter(h: Harness, userId: string, click: () => Promise<unknown>): Promise<string> {
  const before = new Set(h.slack.views().filter((v) => v.user_id === userId).map((v) => v.id));
  await click();
  const loading = new Set((["ja", "en"] as const).map((l) => t(l, "modal.open.loading")));
  const notice = () => h.slack.views().find((v) => !before.has(v.id) && v.user_id === userId && v.callback_id === Views.openCaseNotice && !loading.has(noticeText(v)));
  await expect.poll(() => notice() !== undefined).toBe(true);
  return noticeText(notice()!);
}

/** Runs `click`, then waits for the ephemeral answer it gets. */
export async function ephemeralAfter(h: Harness, channelId: string, userId: string, click: () => Promise<unknown>): Promise<string> {
  const mine = () => h.slack.ephemerals(channelId).filter((e) => e.user === userId);
  const before = mine().length;
  await click();
  await expect.poll(() => mine().length).toBe(before + 1);
  return mine().at(-1)!.text;
}

export function inputValue(view: SlackView, blockId: string): string | undefined {
  const block = view.blocks.find((b) => (b as { block_id?: string }).block_id === blockId) as { element?: { initial_value?: string } } | undefined;
  return block?.element?.initial_value;
}

export function openCaseFromEntry(h: Harness, opts: { userId?: string; teamId?: string; channelId?: string } = {}) {
  const channelId = opts.channelId ?? CUSTOMER_CHANNEL;
  return h.driver.blockAction({ actionId: Actions.openCase, userId: opts.userId ?? CUSTOMER, userTeamId: opts.teamId ?? CUSTOMER_TEAM, channelId, messageTs: entryTs(h, channelId) });
}

/** Submits the case form the person has on top, and waits until the modal shows what came of it; the answer and the modal's id. */
export async function submitCase(h: Harness, input: { userId?: string; teamId?: string; title?: string; description?: string; level?: string; product?: string } = {}) {
  const userId = input.userId ?? CUSTOMER;
  const viewId = caseFormOf(h, userId)?.id;
  const response = await h.driver.viewSubmission({
    callbackId: Views.openCase, ...(viewId ? { viewId } : {}), userId, userTeamId: input.teamId ?? CUSTOMER_TEAM,
    values: {
      ...(input.title !== undefined ? { [Inputs.title.block]: { [Inputs.title.action]: input.title } } : {}),
      ...(input.description !== undefined ? { [Inputs.description.block]: { [Inputs.description.action]: input.description } } : {}),
      ...(input.product !== undefined ? { [Inputs.product.block]: { [Inputs.product.action]: input.product } } : {}),
      ...(input.level !== undefined ? { [Inputs.level.block]: { [Inputs.level.action]: input.level } } : {}),
    },
  });
  // Answered with 「受付中…」, the case is opened after: wait, as the person does, for what the modal comes to show.
  if (viewId && received(response)) await outcomeOf(h, viewId);
  return { ...response, viewId: viewId ?? "" };
}

export function modalErrors(response: { json: unknown }): Record<string, string> {
  const json = response.json as { response_action?: string; errors?: Record<string, string> } | null;
  expect(json?.response_action).toBe("errors");
  return json?.errors ?? {};
}

/** The root message of a case, by its number in the header. */
export function rootOf(h: Harness, number: string, channelId = CUSTOMER_CHANNEL): SlackMessage {
  const root = h.slack.messages(channelId).find((m) => !m.thread_ts && JSON.stringify(m.blocks ?? []).includes(`"text":"${number} `));
  if (!root) throw new Error(`no root message for ${number}`);
  return root;
}

export function thread(h: Harness, ts: string, channelId = CUSTOMER_CHANNEL): SlackMessage[] {
  return h.slack.messages(channelId).filter((m) => m.thread_ts === ts && m.ts !== ts);
}

export function botReplies(h: Harness, ts: string, channelId = CUSTOMER_CHANNEL): SlackMessage[] {
  return thread(h, ts, channelId).filter((m) => m.bot_id !== undefined);
}
