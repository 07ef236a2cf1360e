// What a person sees of the case modal after submitting it: the 「受付中…」 answer at once, then the case opened,
// or the form again with why not above the fields (or, where submitting again cannot help, only why not).
import { expect } from "vitest";
import { t } from "../../src/slack/i18n/index.ts";
import { CaseworkIds, Views } from "../../src/slack/ids.ts";
import type { DriverResponse } from "./driver.ts";
import type { Harness } from "./harness.ts";
import type { SlackView } from "./slack-api.ts";

const LOCALES = ["ja", "en"] as const;
const RECEIVED = new Set(LOCALES.map((l) => t(l, "modal.open.submitting")));
const OPENED = /案件 (#\d+) を受け付けました|Case (#\d+) is open/;

/** The words of a view's sections and contexts, one block a line. */
export function viewText(view: Pick<SlackView, "blocks">): string {
  return view.blocks.map((b) => {
    const block = b as { text?: { text?: string }; elements?: Array<{ text?: string }> };
    return block.text?.text ?? block.elements?.map((e) => e.text ?? "").join(" ") ?? "";
  }).filter(Boolean).join("\n");
}

/** The submission was answered at once with the 「受付中…」 view: the case is opened after it. */
export function received(response: Pick<DriverResponse, "json">): boolean {
  const json = response.json as { response_action?: string; view?: Pick<SlackView, "blocks"> } | null;
  return json?.response_action === "update" && RECEIVED.has(viewText(json.view ?? { blocks: [] }));
}

/** The open case form Slack shows a person on top, which is the one they submit. */
export function caseFormOf(h: Harness, userId: string): SlackView | undefined {
  return h.slack.views().filter((v) => v.open && v.callback_id === Views.openCase && v.user_id === userId).at(-1);
}

/** What the submitted modal came to show once the submission was dealt with (no longer 「受付中…」). */
export async function outcomeOf(h: Harness, viewId: string, timeoutMs = 15_000): Promise<SlackView> {
  // Polled by hand rather than with expect.poll, so that set-up (beforeAll) can use it too.
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const view = h.slack.view(viewId);
    if (view && !RECEIVED.has(viewText(view))) return view;
    if (performance.now() > deadline) throw new Error(`the case modal ${viewId} still says ${view ? "it is received" : "nothing"}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The submission opened a case and the modal says which: its number (「#0001」). */
export async function expectOpened(h: Harness, response: Pick<DriverResponse, "json" | "status">, viewId: string): Promise<string> {
  expect(response.status).toBe(200);
  expect(received(response), JSON.stringify(response.json)).toBe(true);
  const shown = await outcomeOf(h, viewId);
  const match = OPENED.exec(viewText(shown));
  expect(match, viewText(shown)).not.toBeNull();
  return (match![1] ?? match![2])!;
}

/**
 * The submission opened nothing and the modal says why: on the form again, whose fields keep what was typed, or
 * alone where submitting again would not help. Returns the reason as shown, and the view.
 */
export async function refusalShown(h: Harness, response: Pick<DriverResponse, "json">, viewId: string): Promise<{ text: string; form: boolean; view: SlackView }> {
  expect(received(response), JSON.stringify(response.json)).toBe(true);
  const view = await outcomeOf(h, viewId);
  const form = view.callback_id === Views.openCase;
  const first = view.blocks[0] as { block_id?: string; text?: { text?: string } } | undefined;
  if (form) expect(first?.block_id).toBe(CaseworkIds.blocks.openRefusal);
  else expect(view.callback_id).toBe(Views.openCaseNotice);
  expect(OPENED.test(viewText(view))).toBe(false);
  return { text: first?.text?.text ?? "", form, view };
}
