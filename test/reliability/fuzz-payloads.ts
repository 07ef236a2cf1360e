// Generators of what could reach the receiver with a valid signature: commands, button clicks, modal submissions,
// events and shapes Slack never sends, filled with hostile strings (mentions, control characters, lone surrogates,
// very long text, SQL and template syntax, prototype keys) and values of the wrong type. The envelope fields Bolt
// itself reads to route a request (event.channel, event.user, body.user.id, body.channel.id) are strings as Slack
// always sends them, and the workspace Bolt keys its clients by is one of a few real-looking ones (Bolt keeps one
// client per workspace it has seen); every field the app reads may be of any type.
import fc from "fast-check";
import { Actions, Commands, Inputs, Shortcuts, Views } from "../../src/slack/ids.ts";
import type { Listening } from "./listening.ts";

/** Stands for a trigger_id; replaced by a fresh one from the stand-in when the request is sent. */
export const TRIGGER = "TRIGGERPLACEHOLDER";

export interface FuzzRequest {
  kind: string;
  contentType: string;
  body: string;
}


export interface FuzzWorld {
  users: string[];
  teams: string[];
  channels: string[];
  caseIds: number[];
  messageTs: string[];
  appId: string;
  listening: Listening;
}

const HOSTILE = [
  "<!channel>", "<!here>", "<@U0ENG1>", "<#C0CUSTOMER>", "<https://evil.example|click>", "*bold* _it_ ~s~ `code`",
  "'; DROP TABLE \"Case\"; --", "\" OR 1=1 --", "__proto__", "constructor", "prototype", "{{7*7}}", "${process.exit()}",
  "%s%n%x", "../../etc/passwd", "<script>alert(1)</script>", "\u0000", "\u0000\u0001\u001b[2J", "\ud800", "\udfff",
  "か\u3099", "👨‍👩‍👧", "𠮷野家", "ＡＢＣ ｱｲｳ", "\u202eevil", "\uFEFF", "NaN", "-1", "0", "1e309", "9007199254740993",
  "null", "undefined", "true", "[]", "{}", " ", "\n\n", "#0001", "1:2:3", "case_resolve:1",
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 100, max: 6_000 })).map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length)))) },
);

/** A value that is usually of the expected kind, sometimes of any other. */
function mostly<T>(expected: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: expected }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** At least one value, so that an empty list (no listener of that kind yet) still makes a generator. */
const someOf = (values: string[], fallback: string) => fc.constantFrom(...(values.length ? values : [fallback]));

/**
 * Requests some listener claims (`claimed`), or requests none does (`unclaimed`: ids with no listener, shapes Slack
 * never sends), which Bolt leaves unanswered for its 3 s before answering 404.
 */
export function fuzzRequests(world: FuzzWorld, which: "claimed" | "unclaimed"): fc.Arbitrary<FuzzRequest> {
  const user = fc.oneof(fc.constantFrom(...world.users), fc.stringMatching(/^U[A-Z0-9]{2,10}$/), hostileString);
  const team = fc.oneof(fc.constantFrom(...world.teams), fc.stringMatching(/^T[A-Z0-9]{2,10}$/), hostileString);
  const workspace = fc.constantFrom(...world.teams, "T0ELSEWHERE1", "T0ELSEWHERE2", "T0ELSEWHERE3");
  const channel = fc.oneof(fc.constantFrom(...world.channels), fc.stringMatching(/^[CGD][A-Z0-9]{2,10}$/), hostileString);
  const ts = fc.oneof(fc.constantFrom(...world.messageTs), fc.constant("1764000000.000100"), fc.stringMatching(/^\d{10}\.\d{6}$/), hostileString);
  const caseValue = fc.oneof(fc.constantFrom(...world.caseIds).map(String), fc.integer().map(String), hostileString,
    fc.tuple(fc.constantFrom(...Object.values(Actions)), fc.constantFrom(...world.caseIds)).map(([a, id]) => `${a}:${id}`));
  const { listening } = world;
  const knownAction = someOf(listening.actions, Actions.openCase);
  const knownView = someOf(listening.views, Views.openCase);
  const knownCommand = someOf(listening.commands, Commands.balance);
  const unheard = <T extends string>(all: readonly T[], heard: string[]) => all.filter((id) => !heard.includes(id));
  const inputPair = fc.constantFrom(...Object.values(Inputs));

  const userObject = fc.record({ id: user, team_id: team, name: mostly(hostileString) }, { requiredKeys: ["id"] });
  const stateValue = fc.oneof(
    fc.record({ type: fc.constant("plain_text_input"), value: mostly(hostileString) }),
    fc.record({ type: fc.constantFrom("radio_buttons", "static_select"), selected_option: mostly(fc.record({ value: mostly(fc.oneof(fc.constantFrom("normal", "A:reproduction", "A:report"), hostileString, channel)) })) }),
    fc.record({ type: fc.constant("datepicker"), selected_date: mostly(fc.oneof(fc.constant("2026-12-01"), hostileString)) }),
    fc.record({ type: fc.constant("users_select"), selected_user: mostly(user) }),
    fc.record({ type: fc.constant("number_input"), value: mostly(fc.oneof(fc.integer().map(String), hostileString)) }),
    fc.record({ type: fc.constant("checkboxes"), selected_options: mostly(fc.array(fc.record({ value: hostileString }), { maxLength: 3 })) }),
  );
  const stateValues = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(inputPair, stateValue), { maxLength: 8 }).map((pairs) => {
      const values: Record<string, Record<string, unknown>> = {};
      for (const [input, value] of pairs) (values[input.block] ??= {})[input.action] = value;
      return values;
    }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }) },
  );
  const metadata = fc.oneof(
    fc.record({
      requestKey: mostly(fc.oneof(fc.uuid(), hostileString)), channelId: mostly(fc.oneof(channel, fc.constant(null))),
      sourceTs: mostly(fc.oneof(ts, fc.constant(null))), previousCaseId: mostly(fc.oneof(fc.constantFrom(...world.caseIds), fc.integer(), fc.constant(null))),
      caseId: mostly(fc.constantFrom(...world.caseIds)), contractId: mostly(fc.integer({ min: -1, max: 5 })),
    }, { requiredKeys: [] }).map((m) => JSON.stringify(m)),
    hostileString,
  );

  const form = (kind: string, payload: unknown): FuzzRequest =>
    ({ kind, contentType: "application/x-www-form-urlencoded", body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() });

  const blockActionsOf = (actionIds: fc.Arbitrary<string>) => fc.record({
    actionId: actionIds, value: mostly(caseValue), user: userObject, channel, messageTs: mostly(ts),
    selected: mostly(fc.record({ value: caseValue })), inView: fc.boolean(), viewId: fc.stringMatching(/^V[A-Z0-9]{4,8}$/), metadata, state: stateValues,
  }).map((a) => form("block_actions", {
    type: "block_actions", user: a.user, api_app_id: world.appId, token: "x", trigger_id: TRIGGER,
    team: { id: world.teams[0] }, response_url: "http://127.0.0.1:9/hooks/none",
    ...(a.inView
      ? { container: { type: "view", view_id: a.viewId }, view: { id: a.viewId, callback_id: "x", private_metadata: a.metadata, state: { values: a.state } } }
      : { container: { type: "message", message_ts: a.messageTs, channel_id: a.channel }, channel: { id: a.channel }, message: { ts: a.messageTs, text: "" } }),
    actions: [{ type: "button", action_id: a.actionId, block_id: "b", value: a.value, selected_option: a.selected, action_ts: "1.2" }],
  }));

  const blockActions = blockActionsOf(knownAction);
  const viewSubmissionOf = (callbackIds: fc.Arbitrary<string>) => fc.record({ callbackId: callbackIds, user: userObject, team: workspace, metadata, state: stateValues })
    .map((v) => form("view_submission", {
      type: "view_submission", user: v.user, team: { id: v.team }, api_app_id: world.appId, token: "x", trigger_id: TRIGGER,
      view: { id: "VFUZZ", type: "modal", callback_id: v.callbackId, private_metadata: v.metadata, state: { values: v.state }, app_installed_team_id: world.teams[0], hash: "1.a" },
    }));
  const viewSubmission = viewSubmissionOf(knownView);

  const command = fc.record({ command: knownCommand, text: hostileString, user: user, team: workspace, channel: channel })
    .map((c): FuzzRequest => ({
      kind: "command", contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams({ command: c.command, text: c.text, user_id: c.user, team_id: c.team, channel_id: c.channel, api_app_id: world.appId, trigger_id: TRIGGER, response_url: "http://127.0.0.1:9/hooks/none" }).toString(),
    }));

  const messageEvent = fc.record({
    subtype: fc.option(fc.constantFrom("message_changed", "message_deleted", "file_share", "bot_message", "thread_broadcast", "channel_join", "me_message"), { nil: undefined }),
    channel: fc.option(channel, { nil: undefined }), user: fc.option(user, { nil: undefined }), team: mostly(team), text: mostly(hostileString), ts: mostly(ts),
    threadTs: fc.option(mostly(ts), { nil: undefined }),
    edited: mostly(fc.record({ ts: mostly(ts), text: mostly(hostileString), thread_ts: mostly(ts) })), deletedTs: mostly(ts),
  }).map((m) => ({
    type: "message", subtype: m.subtype, channel: m.channel, user: m.user, user_team: m.team, text: m.text, ts: m.ts, thread_ts: m.threadTs,
    message: m.edited, deleted_ts: m.deletedTs, channel_type: "channel",
  }));
  const otherEvent = fc.record({
    type: fc.constantFrom("app_home_opened", "member_joined_channel", "app_mention", "reaction_added", "channel_archive"),
    user, channel, tab: mostly(fc.constantFrom("home", "messages")), team: mostly(team),
  });
  const event = fc.record({ inner: fc.oneof({ weight: 4, arbitrary: messageEvent }, { weight: 1, arbitrary: otherEvent }), teamId: team, eventId: fc.stringMatching(/^Ev[A-Z0-9]{8,10}$/) })
    .map(({ inner, teamId, eventId }): FuzzRequest => ({
      kind: "event", contentType: "application/json",
      body: JSON.stringify({
        type: "event_callback", team_id: teamId, api_app_id: world.appId, event_id: eventId, event_time: 1764000000, event: inner,
        authorizations: [{ team_id: world.teams[0], user_id: "U0BOT00001", is_bot: true }], is_ext_shared_channel: true,
      }),
    }));

  const shortcut = (callbackIds: fc.Arbitrary<string>) => fc.record({ type: fc.constant("message_action"), callback_id: callbackIds, user: userObject, text: mostly(hostileString), messageTs: mostly(ts), channel })
    .map((s) => form("shortcut", {
      type: s.type, callback_id: s.callback_id, user: s.user, trigger_id: TRIGGER, team: { id: world.teams[0] }, api_app_id: world.appId, channel: { id: s.channel },
      message_ts: s.messageTs, message: { ts: s.messageTs, text: s.text, user: world.users[0] }, response_url: "http://127.0.0.1:9/hooks/none",
    }));
  const unheardActions = unheard(Object.values(Actions), listening.actions);
  const unheardViews = unheard(Object.values(Views), listening.views);
  const unclaimed = fc.oneof(
    shortcut(hostileString),
    fc.jsonValue({ maxDepth: 3 }).map((j) => form("random-json", j)),
    blockActionsOf(fc.oneof(hostileString, someOf(unheardActions, "no_such_action"))).map((r) => ({ ...r, kind: "unheard-action" })),
    viewSubmissionOf(fc.oneof(hostileString, someOf(unheardViews, "no_such_view"))).map((r) => ({ ...r, kind: "unheard-view" })),
  );
  if (which === "unclaimed") return unclaimed;

  const handshake = fc.oneof(
    fc.record({ challenge: hostileString }).map((c): FuzzRequest => ({ kind: "url_verification", contentType: "application/json", body: JSON.stringify({ type: "url_verification", challenge: c.challenge, token: "x" }) })),
  );

  return fc.oneof(
    { weight: 30, arbitrary: event },
    { weight: 25, arbitrary: blockActions },
    { weight: 20, arbitrary: viewSubmission },
    { weight: 12, arbitrary: command },
    { weight: 2, arbitrary: handshake },
    ...(listening.shortcuts.length ? [{ weight: 3, arbitrary: shortcut(someOf(listening.shortcuts, Shortcuts.messageToCase)) }] : []),
  );
}
