// conversations.* and pins.*: reading a channel's history and threads, describing and opening conversations,
// pinning messages.
import { flag, refuse, required, resolveChannel, stringArg, type Args, type Reply } from "../args.ts";
import { messageOutput } from "../content.ts";
import type { SlackMessage } from "../types.ts";
import type { Workspace } from "../workspace.ts";
import type { MethodFamily } from "./method.ts";

/** One page of a message list, with Slack's opaque cursor (here: the offset) for the next one. */
function page(ws: Workspace, args: Args, list: SlackMessage[], channel: string): Reply {
  const limit = Math.min(Math.max(Number(stringArg(args, "limit") ?? "100") || 100, 1), 999);
  const offset = Number(stringArg(args, "cursor") ?? "0") || 0;
  const slice = list.slice(offset, offset + limit);
  const withMetadata = flag(args.include_all_metadata);
  const more = offset + limit < list.length;
  return {
    messages: slice.map((m) => ({
      ...messageOutput(ws, channel, m),
      ...(withMetadata && m.metadata !== undefined ? { metadata: structuredClone(m.metadata) } : {}),
    })),
    has_more: more,
    response_metadata: { next_cursor: more ? String(offset + limit) : "" },
  };
}

export function conversationsMethods(ws: Workspace): MethodFamily {
  return {
    "conversations.history": (args) => {
      const channel = resolveChannel(args);
      // Top-level messages only, newest first, as Slack lists them.
      const list = (ws.channels.get(channel) ?? []).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
      return page(ws, args, [...list].reverse(), channel);
    },

    "conversations.replies": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "ts");
      const parent = ws.findMessage(channel, ts);
      if (parent === undefined) refuse("thread_not_found");
      const replies = (ws.channels.get(channel) ?? []).filter((m) => m.thread_ts === ts && m.ts !== ts);
      return page(ws, args, [parent, ...replies], channel);
    },

    "conversations.info": (args) => {
      const id = required(args, "channel");
      const setup = ws.channelSetups.get(id) ?? (() => {
        const fallback = ws.defaultChannel?.(id);
        return fallback === undefined ? undefined : { id, ...fallback };
      })();
      if (setup === undefined && !/^[CGD][A-Z0-9]{2,}$/.test(id)) refuse("channel_not_found");
      const isIm = id.startsWith("D");
      const isPrivate = setup?.is_private ?? id.startsWith("G");
      const extShared = setup?.is_ext_shared ?? false;
      return {
        channel: {
          id,
          name: setup?.name ?? (isIm ? undefined : `channel-${id.toLowerCase()}`),
          is_channel: !isIm && !isPrivate,
          is_group: false,
          is_im: isIm,
          is_private: isPrivate,
          is_archived: false,
          is_member: true,
          is_shared: extShared,
          is_ext_shared: extShared,
          is_org_shared: false,
          context_team_id: ws.teamId,
          ...(setup?.connected_team_ids !== undefined ? { connected_team_ids: setup.connected_team_ids } : {}),
        },
      };
    },

    "conversations.open": (args) => {
      // A DM with one person (the same D id chat.postMessage reaches when given their user id), or a group DM.
      const existing = stringArg(args, "channel");
      if (existing !== undefined) {
        if (!/^[DG][A-Z0-9]{2,}$/.test(existing)) refuse("channel_not_found");
        return { channel: { id: existing }, already_open: true };
      }
      const list = (stringArg(args, "users") ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
      if (list.length === 0) refuse("users_list_not_supplied");
      if (list.length > 8) refuse("too_many_users");
      for (const id of list) {
        if (id === ws.botUserId) refuse("cannot_dm_bot");
        if (ws.plausibleUser(id) === undefined) refuse("user_not_found");
      }
      const id = list.length === 1 ? `D${(list[0] ?? "").slice(1)}` : `G${[...list].sort().join("").replace(/[^A-Z0-9]/g, "").slice(0, 20)}`;
      return { no_op: false, already_open: ws.channels.has(id), channel: { id } };
    },

    "pins.add": (args) => {
      const channel = resolveChannel(args);
      const timestamp = required(args, "timestamp");
      if (ws.findMessage(channel, timestamp) === undefined) refuse("message_not_found");
      const key = `${channel}/${timestamp}`;
      if (ws.pins.has(key)) refuse("already_pinned");
      ws.pins.add(key);
      return {};
    },

    "pins.remove": (args) => {
      const channel = resolveChannel(args);
      const timestamp = required(args, "timestamp");
      if (!ws.pins.delete(`${channel}/${timestamp}`)) refuse("no_pin");
      return {};
    },
  };
}
