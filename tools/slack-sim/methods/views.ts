// views.*: modals opened, pushed and updated with a trigger, and each user's Home tab. The helpers are shared with
// what Slack does to a modal after a view_submission (view-submission.ts).
import { flag, isRecord, randomId, refuse, required, stringArg, type Args, type Reply } from "../args.ts";
import { validateView } from "../block-kit-rules.ts";
import { withGeneratedIds } from "../content.ts";
import type { SlackView } from "../types.ts";
import { viewJson } from "../view-json.ts";
import type { TriggerState, Workspace } from "../workspace.ts";
import type { MethodFamily } from "./method.ts";

const TRIGGER_LIFETIME_MS = 3_000;
export const VIEW_STACK_LIMIT = 3;

function viewArg(args: Args): Record<string, unknown> {
  const view = args.view;
  if (view === undefined || view === null || view === "") refuse("invalid_arguments", "[ERROR] missing required field: view");
  if (!isRecord(view)) refuse("invalid_arguments", "[ERROR] failed to match all allowed schemas [json-pointer:/view]");
  const problem = validateView(view);
  if (problem !== null) refuse("invalid_arguments", `[ERROR] ${problem}`);
  return view;
}

function viewHash(ws: Workspace): string {
  return `${Math.floor(ws.clock() / 1000)}.${randomId("", 8).toLowerCase()}`;
}

export function makeView(ws: Workspace, spec: Record<string, unknown>, extra: Partial<SlackView>): SlackView {
  const view: SlackView = {
    id: randomId("V"),
    type: spec.type === "home" ? "home" : "modal",
    callback_id: typeof spec.callback_id === "string" ? spec.callback_id : "",
    private_metadata: typeof spec.private_metadata === "string" ? spec.private_metadata : "",
    external_id: typeof spec.external_id === "string" ? spec.external_id : "",
    hash: viewHash(ws),
    title: spec.title,
    submit: spec.submit,
    close: spec.close,
    blocks: withGeneratedIds(spec.blocks as unknown[]),
    root_view_id: "",
    previous_view_id: null,
    notify_on_close: flag(spec.notify_on_close),
    clear_on_close: flag(spec.clear_on_close),
    open: true,
    ...extra,
  };
  if (view.root_view_id === "") view.root_view_id = view.id;
  return view;
}

export function replaceViewContent(ws: Workspace, view: SlackView, spec: Record<string, unknown>): void {
  const fresh = makeView(ws, spec, {});
  view.callback_id = fresh.callback_id;
  view.private_metadata = fresh.private_metadata;
  view.external_id = fresh.external_id;
  view.title = fresh.title;
  view.submit = fresh.submit;
  view.close = fresh.close;
  view.blocks = fresh.blocks;
  view.notify_on_close = fresh.notify_on_close;
  view.clear_on_close = fresh.clear_on_close;
  view.hash = viewHash(ws);
}

function viewOutput(ws: Workspace, view: SlackView): Reply {
  return viewJson(view, { teamId: ws.teamId, appId: ws.appId, botId: ws.botId, installedTeamId: ws.teamId, state: { values: {} } });
}

function uniqueExternalId(ws: Workspace, spec: Record<string, unknown>, except?: SlackView): void {
  const externalId = spec.external_id;
  if (typeof externalId !== "string" || externalId === "") return;
  for (const view of ws.views.values()) {
    if (view !== except && view.open && view.external_id === externalId) refuse("duplicate_external_id");
  }
}

/** Checks a trigger the way Slack names its failures; the caller consumes it once the rest is valid. */
function checkTrigger(ws: Workspace, args: Args): TriggerState {
  const triggerId = required(args, "trigger_id");
  const trigger = ws.triggers.get(triggerId);
  if (trigger === undefined) refuse("invalid_trigger_id");
  if (trigger.used) refuse("exchanged_trigger_id");
  if (ws.clock() - trigger.issuedAt > TRIGGER_LIFETIME_MS) refuse("expired_trigger_id");
  return trigger;
}

export function viewsMethods(ws: Workspace): MethodFamily {
  return {
    "views.open": (args) => {
      const trigger = checkTrigger(ws, args);
      const spec = viewArg(args);
      if (spec.type !== "modal") refuse("invalid_arguments", "[ERROR] only modals can be opened [json-pointer:/view/type]");
      uniqueExternalId(ws, spec);
      trigger.used = true;
      const view = makeView(ws, spec, trigger.context.userId !== undefined ? { user_id: trigger.context.userId } : {});
      ws.views.set(view.id, view);
      return { view: viewOutput(ws, view) };
    },

    "views.push": (args) => {
      const trigger = checkTrigger(ws, args);
      const spec = viewArg(args);
      if (spec.type !== "modal") refuse("invalid_arguments", "[ERROR] only modals can be pushed [json-pointer:/view/type]");
      uniqueExternalId(ws, spec);
      const below = trigger.context.viewId !== undefined ? ws.views.get(trigger.context.viewId) : undefined;
      const stack = below !== undefined && below.open ? ws.stackOf(below.root_view_id) : [];
      if (stack.length >= VIEW_STACK_LIMIT) refuse("push_limit_reached");
      trigger.used = true;
      const top = stack[stack.length - 1];
      const view = makeView(ws, spec, {
        ...(top !== undefined ? { root_view_id: top.root_view_id, previous_view_id: top.id } : {}),
        ...(trigger.context.userId !== undefined ? { user_id: trigger.context.userId } : {}),
      });
      ws.views.set(view.id, view);
      return { view: viewOutput(ws, view) };
    },

    "views.update": (args) => {
      const viewId = stringArg(args, "view_id");
      const externalId = stringArg(args, "external_id");
      if (viewId === undefined && externalId === undefined) {
        refuse("invalid_arguments", "[ERROR] either view_id or external_id is required");
      }
      const spec = viewArg(args);
      const view = viewId !== undefined
        ? ws.views.get(viewId)
        : [...ws.views.values()].find((v) => v.open && v.external_id === externalId);
      if (view === undefined || !view.open) refuse("not_found");
      if (spec.type !== view.type) refuse("invalid_arguments", "[ERROR] view type cannot change [json-pointer:/view/type]");
      const hash = stringArg(args, "hash");
      if (hash !== undefined && hash !== view.hash) refuse("hash_conflict");
      uniqueExternalId(ws, spec, view);
      replaceViewContent(ws, view, spec);
      return { view: viewOutput(ws, view) };
    },

    "views.publish": (args) => {
      const userId = required(args, "user_id");
      const spec = viewArg(args);
      if (spec.type !== "home") refuse("invalid_arguments", "[ERROR] views.publish only accepts home views [json-pointer:/view/type]");
      if (!/^[UW][A-Z0-9]{2,}$/.test(userId)) refuse("user_not_found");
      const existingId = ws.homeByUser.get(userId);
      const existing = existingId !== undefined ? ws.views.get(existingId) : undefined;
      const hash = stringArg(args, "hash");
      if (existing !== undefined) {
        if (hash !== undefined && hash !== existing.hash) refuse("hash_conflict");
        replaceViewContent(ws, existing, spec);
        return { view: viewOutput(ws, existing) };
      }
      const view = makeView(ws, spec, { user_id: userId });
      ws.views.set(view.id, view);
      ws.homeByUser.set(userId, view.id);
      return { view: viewOutput(ws, view) };
    },
  };
}
