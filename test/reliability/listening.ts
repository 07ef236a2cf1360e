// Which Slack ids the running app has listeners for, found by asking it: a listener acknowledges at once, while a
// request no listener claims is left unanswered for Bolt's 3 s and then answered 404. Suites that must cover every
// control (the authorization matrix, the fuzz run) start from this list, so a new control cannot be missed.
import { Actions, Commands, Shortcuts, Views } from "../../src/slack/ids.ts";
import { HOME_TEAM, type Harness } from "../support/harness.ts";

export interface Listening {
  actions: string[];
  views: string[];
  commands: string[];
  shortcuts: string[];
}

export async function probeListeners(h: Harness): Promise<Listening> {
  const user = { id: "U0PROBE", team_id: "T0PROBE" };
  const FORM = "application/x-www-form-urlencoded";
  const answered = async (body: string) => {
    try {
      const response = await fetch(`http://127.0.0.1:${h.running.port}/slack/events`, {
        method: "POST", body, headers: { "content-type": FORM, ...h.driver.sign(body) }, signal: AbortSignal.timeout(2_000),
      });
      return response.status !== 404;
    } catch {
      return false;
    }
  };
  const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const probe = async (ids: readonly string[], body: (id: string) => string) =>
    (await Promise.all(ids.map(async (id) => ((await answered(body(id))) ? id : null)))).filter((id): id is string => id !== null);
  const common = { user, team: { id: HOME_TEAM }, api_app_id: h.slack.appId };
  const [actions, views, commands, shortcuts] = await Promise.all([
    probe(Object.values(Actions), (id) => form({ ...common, type: "block_actions", trigger_id: h.slack.issueTriggerId(), container: { type: "message", channel_id: "C0PROBE", message_ts: "1.1" }, channel: { id: "C0PROBE" }, actions: [{ type: "button", action_id: id, value: "probe", action_ts: "1.1" }] })),
    probe(Object.values(Views), (id) => form({ ...common, type: "view_submission", trigger_id: h.slack.issueTriggerId(), view: { id: "VPROBE", callback_id: id, private_metadata: "", state: { values: {} }, app_installed_team_id: HOME_TEAM } })),
    probe(Object.values(Commands), (id) => new URLSearchParams({ command: id, text: "", user_id: user.id, team_id: HOME_TEAM, channel_id: "C0PROBE", api_app_id: h.slack.appId, trigger_id: h.slack.issueTriggerId(), response_url: "http://127.0.0.1:9/hooks/none" }).toString()),
    probe(Object.values(Shortcuts), (id) => form({ ...common, type: "message_action", callback_id: id, trigger_id: h.slack.issueTriggerId(), channel: { id: "C0PROBE" }, message_ts: "1.1", message: { ts: "1.1", text: "probe", user: user.id } })),
  ]);
  return { actions, views, commands, shortcuts };
}
