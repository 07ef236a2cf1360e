// Messages in registered channels. A reply in a case's thread is a follow-up (customer) or an answer (engineer);
// a customer's new top-level message gets an offer to make it a case; edits and deletions only mark the record.
// Slack may deliver one message several times: the message's (channel, ts) is unique in the record and keys its
// offer, so a redelivery changes nothing.
import type { Listeners } from "../../listener-router.ts";
import { channelContext, rolesIn, str, words } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";

interface MessageFields {
  subtype: string | undefined;
  channel: string | undefined;
  user: string | undefined;
  user_team: string | undefined;
  source_team: string | undefined;
  team: string | undefined;
  bot_id: string | undefined;
  text: unknown;
  ts: string | undefined;
  thread_ts: string | undefined;
  deleted_ts: string | undefined;
  message: { ts: string | undefined; text: unknown; thread_ts: string | undefined };
  files: unknown;
}

/**
 * The fields of a message event the listener reads, each as far as it is well formed: Bolt types the event as a
 * union of Slack's message shapes, and a value of another type than Slack documents is treated as absent.
 */
function fieldsOf(event: unknown): MessageFields {
  const r: Record<string, unknown> = typeof event === "object" && event !== null ? { ...event } : {};
  const inner: Record<string, unknown> = typeof r.message === "object" && r.message !== null ? { ...r.message } : {};
  return {
    subtype: str(r.subtype), channel: str(r.channel), user: str(r.user), user_team: str(r.user_team),
    source_team: str(r.source_team), team: str(r.team), bot_id: str(r.bot_id), text: r.text, ts: str(r.ts),
    thread_ts: str(r.thread_ts), deleted_ts: str(r.deleted_ts),
    message: { ts: str(inner.ts), text: inner.text, thread_ts: str(inner.thread_ts) }, files: r.files,
  };
}

/** The files of a file_share message, as far as they are well formed (a Slack Connect stub may lack its name). */
function sharedFiles(value: unknown): Array<{ id: string; name: string; mimetype?: string; filetype?: string; size?: number }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f: unknown) => {
    if (typeof f !== "object" || f === null) return [];
    const r = f as Record<string, unknown>;
    const id = str(r.id);
    if (!id) return [];
    const mimetype = str(r.mimetype);
    const filetype = str(r.filetype);
    return [{ id, name: str(r.name) ?? str(r.title) ?? id, ...(mimetype ? { mimetype } : {}), ...(filetype ? { filetype } : {}), ...(typeof r.size === "number" ? { size: r.size } : {}) }];
  }).slice(0, 20);
}

const IGNORED = new Set(["bot_message", "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "pinned_item", "message_replied"]);

export function register(app: Listeners, deps: SlackDeps): void {
  app.event("message", async ({ event }) => {
    const m = fieldsOf(event);
    const channelId = str(m.channel);
    if (!channelId || m.bot_id || (m.subtype && IGNORED.has(m.subtype))) return;
    // Only well-formed fields reach the record: a value of another type is treated as absent.
    const editedTs = str(m.message?.ts);
    if (m.subtype === "message_changed" && editedTs) {
      const recorded = await deps.services.recordEdit({ channelId, ts: editedTs, text: words(m.message?.text), deleted: false });
      const editedThread = str(m.message?.thread_ts);
      const topLevel = !editedThread || editedThread === editedTs;
      if (!recorded && topLevel) await deps.services.reviseOffer({ channelId, ts: editedTs, text: words(m.message?.text) });
      return;
    }
    const deletedTs = str(m.deleted_ts);
    if (m.subtype === "message_deleted" && deletedTs) {
      await deps.services.recordEdit({ channelId, ts: deletedTs, text: null, deleted: true });
      return;
    }
    const userId = str(m.user);
    const ts = str(m.ts);
    if (!userId || !ts) return;
    const channel = await channelContext(deps, channelId);
    if (!channel) return;
    const roles = rolesIn(deps, { userId, teamId: str(m.user_team) ?? str(m.source_team) ?? str(m.team) }, channel);
    const threadTs = str(m.thread_ts);
    if (threadTs && threadTs !== ts) {
      const role = roles.has("engineer") ? "engineer" : roles.has("customer") ? "customer" : "internal";
      const result = await deps.services.recordMessage({ channelId, threadTs, ts, userId, role, text: words(m.text), files: sharedFiles(m.files) });
      if (result.kind === "recorded") deps.logger.info("case message recorded", { caseId: result.caseId, role, state: result.state });
    } else if (roles.has("customer") && (!m.subtype || m.subtype === "file_share")) {
      // Only the customer's own words get the offer; T4U's messages and other organisations' do not.
      const offered = await deps.services.offerCase({ channelId, ts, userId, text: words(m.text) });
      deps.logger.info("case offered", { channelId, ts, result: offered });
    }
  });
}
