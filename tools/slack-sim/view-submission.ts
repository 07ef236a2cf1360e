// What Slack does with the app's answer to a view_submission: close the modal, show errors beside inputs, update
// it, push another onto its stack, or clear the whole stack. The driver calls this after each submission.
import { isRecord } from "./args.ts";
import { validateView } from "./block-kit-rules.ts";
import { makeView, replaceViewContent, VIEW_STACK_LIMIT } from "./methods/views.ts";
import type { ViewAck } from "./types.ts";
import type { Workspace } from "./workspace.ts";

/** Returns why Slack would not accept the answer, or null. */
export function settleViewSubmission(ws: Workspace, viewId: string, ack: ViewAck): string | null {
  const view = ws.views.get(viewId);
  if (view === undefined || !view.open || view.type !== "modal") return `view ${viewId} is not an open modal`;
  if (ack.status !== 200) {
    return `the app answered HTTP ${ack.status}; Slack shows the user an error and keeps the modal open`;
  }
  if (ack.json === null || ack.json === undefined || (isRecord(ack.json) && Object.keys(ack.json).length === 0)) {
    view.open = false;
    return null;
  }
  if (!isRecord(ack.json)) return "the acknowledgement is not a JSON object";
  const action = ack.json.response_action;
  if (action === "clear") {
    for (const v of ws.stackOf(view.root_view_id)) v.open = false;
    return null;
  }
  if (action === "errors") {
    const errors = ack.json.errors;
    if (!isRecord(errors) || Object.keys(errors).length === 0) return "response_action errors needs a non-empty errors object";
    const inputIds = new Set(
      view.blocks.filter((b) => isRecord(b) && b.type === "input").map((b) => (b as Record<string, unknown>).block_id),
    );
    for (const [blockId, message] of Object.entries(errors)) {
      if (!inputIds.has(blockId)) return `errors names block_id "${blockId}", which is not an input block of the modal`;
      if (typeof message !== "string" || message.length === 0) return `errors.${blockId} must be a non-empty string`;
    }
    return null;
  }
  if (action === "update" || action === "push") {
    const spec = ack.json.view;
    const problem = validateView(spec);
    if (problem !== null) return `response_action ${action} carries an invalid view: ${problem}`;
    const valid = spec as Record<string, unknown>;
    if (valid.type !== "modal") return `response_action ${action} needs a modal`;
    if (action === "update") {
      replaceViewContent(ws, view, valid);
      return null;
    }
    const stack = ws.stackOf(view.root_view_id);
    if (stack.length >= VIEW_STACK_LIMIT) return "push_limit_reached: a modal stack holds at most 3 views";
    const top = stack[stack.length - 1] ?? view;
    const pushed = makeView(ws, valid, {
      root_view_id: view.root_view_id,
      previous_view_id: top.id,
      ...(view.user_id !== undefined ? { user_id: view.user_id } : {}),
    });
    ws.views.set(pushed.id, pushed);
    return null;
  }
  return `unknown response_action ${JSON.stringify(action)}`;
}
