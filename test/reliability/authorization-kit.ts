// The means of the authorization matrix: the six kinds of people, requests sent as any of them (signed, as Slack
// would send them, whether or not Slack would show them the control: a button being visible proves nothing), and an
// observation of everything a request changed or showed.
import { HOME_TEAM, CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, INTERNAL, MANAGER, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import type { DriverResponse } from "../support/driver.ts";
import type { SlackView } from "../support/slack-api.ts";
import { delta, tableCounts } from "./audit.ts";
import { settled, until } from "./flows.ts";

export type Who = "customer of this channel" | "customer of another channel" | "internal non-engineer" | "engineer" | "manager"
  | "engineer removed from the user group" | "third workspace in this channel";

/** Was an engineer through the engineers' user group, and was taken out of it while the app ran (see startWorld). */
export const REMOVED_ENGINEER = "U0GONE";
/** A person of a third organisation that shares the customer's channel but is not its customer (see startWorld). */
export const THIRD_PERSON = "U0THIRD1";
export const THIRD_TEAM = "T0THIRD";
export interface Person { who: Who; userId: string; teamId: string }

export const PEOPLE: readonly Person[] = [
  { who: "customer of this channel", userId: CUSTOMER, teamId: CUSTOMER_TEAM },
  { who: "customer of another channel", userId: OTHER_CUSTOMER, teamId: OTHER_CUSTOMER_TEAM },
  { who: "internal non-engineer", userId: INTERNAL, teamId: HOME_TEAM },
  { who: "engineer", userId: ENGINEER, teamId: HOME_TEAM },
  { who: "manager", userId: MANAGER, teamId: HOME_TEAM },
  { who: "engineer removed from the user group", userId: REMOVED_ENGINEER, teamId: HOME_TEAM },
  { who: "third workspace in this channel", userId: THIRD_PERSON, teamId: THIRD_TEAM },
];
export const person = (who: Who): Person => PEOPLE.find((p) => p.who === who)!;

const CHANNELS = [CUSTOMER_CHANNEL, OTHER_CHANNEL, TRIAGE_CHANNEL, "C0MGRS"];
const FORM = "application/x-www-form-urlencoded";

export interface Observation {
  response: DriverResponse;
  /** Rows added per table. */
  changed: Record<string, number>;
  /** New messages the app posted (after the outbox is delivered). */
  posts: number;
  /** Modals and Home tabs shown to the person. */
  views: SlackView[];
  /** Everything only the person was told: ephemerals, the acknowledgement, inline errors, texts of views shown. */
  told: string[];
  uploads: number;
}

export function kit(h: Harness) {
  const body = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const send = (raw: string, contentType = FORM) => h.driver.raw(raw, { "content-type": contentType, ...h.driver.sign(raw) });
  const posted = () => CHANNELS.reduce((n, c) => n + h.slack.messages(c).filter((m) => m.bot_id).length, 0);
  const ephemeralsOf = (userId: string) => CHANNELS.flatMap((c) => h.slack.ephemerals(c)).filter((e) => e.user === userId);
  const viewsOf = (userId: string) => h.slack.views().filter((v) => v.user_id === userId);

  /** A click on a button or a menu option, in a channel's message or in a view (App Home). */
  function click(p: Person, actionId: string, where: { channelId?: string; messageTs?: string; value?: string; option?: string; homeOf?: string }) {
    const channelId = where.channelId;
    return send(body({
      type: "block_actions", user: { id: p.userId, team_id: p.teamId }, team: { id: HOME_TEAM }, api_app_id: h.slack.appId,
      trigger_id: h.slack.issueTriggerId({ userId: p.userId }),
      ...(channelId
        ? {
          container: { type: "message", channel_id: channelId, message_ts: where.messageTs ?? "1.1" }, channel: { id: channelId },
          message: { ts: where.messageTs ?? "1.1", text: "" },
          response_url: h.slack.issueResponseUrl({ channelId, userId: p.userId, ...(where.messageTs ? { messageTs: where.messageTs } : {}) }),
        }
        : { container: { type: "view", view_id: "VHOME" }, view: { id: "VHOME", type: "home", callback_id: "", private_metadata: "", state: { values: {} } } }),
      actions: [where.option !== undefined
        ? { type: "static_select", action_id: actionId, block_id: "b", selected_option: { text: { type: "plain_text", text: "x" }, value: where.option }, action_ts: "1.1" }
        : { type: "button", action_id: actionId, block_id: "b", value: where.value ?? "", action_ts: "1.1" }],
    }));
  }

  /** Submits a modal's inputs as the person, shaped the way Slack reports each element's state. */
  function submit(p: Person, view: SlackView, values: Record<string, string | string[]>) {
    return send(body({
      type: "view_submission", user: { id: p.userId, team_id: p.teamId }, team: { id: p.teamId }, api_app_id: h.slack.appId,
      trigger_id: h.slack.issueTriggerId({ userId: p.userId, viewId: view.id }),
      view: {
        id: view.id, type: "modal", callback_id: view.callback_id, private_metadata: view.private_metadata, hash: view.hash,
        app_installed_team_id: HOME_TEAM, state: { values: stateOf(view.blocks, values) },
      },
    }));
  }

  function command(p: Person, name: string, text = "", channelId = "C0MGRS") {
    return send(new URLSearchParams({
      command: name, text, user_id: p.userId, team_id: p.teamId, channel_id: channelId, api_app_id: h.slack.appId,
      trigger_id: h.slack.issueTriggerId({ userId: p.userId }), response_url: h.slack.issueResponseUrl({ channelId, userId: p.userId }),
    }).toString());
  }

  function shortcut(p: Person, callbackId: string, channelId: string, message: { ts: string; text: string; user: string }) {
    return send(body({
      type: "message_action", callback_id: callbackId, user: { id: p.userId, team_id: p.teamId }, team: { id: HOME_TEAM }, api_app_id: h.slack.appId,
      trigger_id: h.slack.issueTriggerId({ userId: p.userId }), channel: { id: channelId }, message_ts: message.ts, message,
      response_url: h.slack.issueResponseUrl({ channelId, userId: p.userId }),
    }));
  }

  function event(p: Person, inner: Record<string, unknown>) {
    return send(JSON.stringify({
      type: "event_callback", team_id: p.teamId, api_app_id: h.slack.appId, event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      event_time: Math.floor(h.slack.now() / 1000), authorizations: [{ team_id: HOME_TEAM, user_id: h.slack.botUserId, is_bot: true }],
      is_ext_shared_channel: true, event: inner,
    }), "application/json");
  }

  /** Runs a request as the person and waits until its effects have settled. */
  async function observe(p: Person, run: () => Promise<DriverResponse>): Promise<Observation> {
    await h.drain();
    const tables = await tableCounts(h.database.db);
    const posts = posted();
    const ephemerals = ephemeralsOf(p.userId).length;
    const views = new Map(viewsOf(p.userId).map((v) => [v.id, v.hash]));
    const uploads = h.slack.uploads.length;
    const response = await run();
    // Listeners answer after the acknowledgement: wait for a sign of them, then for the database to be quiet.
    await until(async () => ephemeralsOf(p.userId).length > ephemerals || viewsOf(p.userId).some((v) => views.get(v.id) !== v.hash)
      || JSON.stringify(await tableCounts(h.database.db)) !== JSON.stringify(tables) || response.text !== "", 1_500);
    // Quiet means no row written and no call to Slack made: an export's file, for one, comes after its rows.
    const after = (await settled(async () => ({ tables: await tableCounts(h.database.db), calls: h.slack.calls.length }), 100)).tables;
    await h.drain();
    const shown = viewsOf(p.userId).filter((v) => views.get(v.id) !== v.hash);
    return {
      response,
      changed: delta(after, tables),
      posts: posted() - posts,
      views: shown,
      told: [...ephemeralsOf(p.userId).slice(ephemerals).map((e) => `${e.text} ${JSON.stringify(e.blocks ?? [])}`), response.text, ...shown.map((v) => JSON.stringify(v.blocks))].filter(Boolean),
      uploads: h.slack.uploads.length - uploads,
    };
  }

  return { click, submit, command, shortcut, event, observe };
}

/** Slack's state for each input of a modal: the given value shaped by its element, or the element's initial value. */
export function stateOf(blocks: unknown[], values: Record<string, string | string[]>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocks as Array<Record<string, unknown>>) {
    if (block.type !== "input") continue;
    const element = block.element as Record<string, unknown>;
    const given = values[String(block.block_id)];
    const type = String(element.type);
    const one = Array.isArray(given) ? given[0] : given;
    const option = (value: string | undefined) => value === undefined ? element.initial_option ?? null
      : (element.options as Array<{ value: string }> | undefined)?.find((o) => o.value === value) ?? { value };
    const shaped: Record<string, unknown> =
      type === "datepicker" ? { selected_date: one ?? element.initial_date ?? null }
      : type === "users_select" ? { selected_user: one ?? element.initial_user ?? null }
      : type === "conversations_select" ? { selected_conversation: one ?? element.initial_conversation ?? null }
      : type === "multi_conversations_select" ? { selected_conversations: given === undefined ? element.initial_conversations ?? [] : [given].flat() }
      : type === "multi_users_select" ? { selected_users: given === undefined ? element.initial_users ?? [] : [given].flat() }
      : type === "radio_buttons" || type === "static_select" ? { selected_option: option(one) }
      : type === "checkboxes" || type === "multi_static_select" ? { selected_options: [given ?? []].flat().map((v) => option(v)) }
      : { value: one ?? element.initial_value ?? null };
    state[String(block.block_id)] = { [String(element.action_id)]: { type, ...shaped } };
  }
  return state;
}
