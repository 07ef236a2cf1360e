// chat.*: messages the app posts, updates and deletes, ephemeral messages and permalinks.
import { refuse, required, resolveChannel, stringArg } from "../args.ts";
import { blocksArg, botMessage, checkAttachments, hasContent, messageOutput, messageText, metadataArg } from "../content.ts";
import type { EphemeralMessage, SlackMessage } from "../types.ts";
import type { Workspace } from "../workspace.ts";
import type { MethodFamily } from "./method.ts";

function permalink(ws: Workspace, channel: string, message: SlackMessage): string {
  const base = `https://${ws.teamDomain}.slack.com/archives/${channel}/p${message.ts.replace(".", "")}`;
  if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
    return `${base}?thread_ts=${message.thread_ts}&cid=${channel}`;
  }
  return base;
}

export function chatMethods(ws: Workspace): MethodFamily {
  return {
    "chat.postMessage": (args) => {
      const channel = resolveChannel(args);
      if (!hasContent(args)) refuse("no_text");
      const blocks = blocksArg(args, "message");
      checkAttachments(args);
      const { text, truncated } = messageText(args);
      const threadTs = stringArg(args, "thread_ts");
      const metadata = metadataArg(args);
      const message: SlackMessage = {
        ...botMessage(ws, {
          text,
          ...(threadTs !== undefined ? { threadTs } : {}),
          ...(blocks !== undefined ? { blocks } : {}),
        }),
        ...(truncated ? { truncated } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
      };
      ws.channelMessages(channel).push(message);
      return { channel, ts: message.ts, message: messageOutput(ws, channel, message) };
    },

    "chat.update": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "ts");
      const message = ws.findMessage(channel, ts);
      if (message === undefined) refuse("message_not_found");
      if (message.bot_id !== ws.botId) refuse("cant_update_message");
      if (!hasContent(args)) refuse("no_text");
      const blocks = blocksArg(args, "message");
      checkAttachments(args);
      const { text, truncated } = messageText(args);
      message.text = text;
      // Slack keeps the previous blocks when the update leaves them out; an empty array removes them.
      if (blocks !== undefined) message.blocks = blocks.length > 0 ? blocks : undefined;
      if (truncated) message.truncated = true;
      else delete message.truncated;
      return { channel, ts, text: message.text, message: messageOutput(ws, channel, message) };
    },

    "chat.delete": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "ts");
      const list = ws.channels.get(channel) ?? [];
      const index = list.findIndex((m) => m.ts === ts);
      if (index < 0) refuse("message_not_found");
      if (list[index]?.bot_id !== ws.botId) refuse("cant_delete_message");
      list.splice(index, 1);
      return { channel, ts };
    },

    "chat.postEphemeral": (args) => {
      const channel = resolveChannel(args);
      const user = required(args, "user");
      if (!/^[UW][A-Z0-9]{2,}$/.test(user)) refuse("user_not_found");
      if (!hasContent(args)) refuse("no_text");
      const blocks = blocksArg(args, "message");
      checkAttachments(args);
      const threadTs = stringArg(args, "thread_ts");
      const ephemeral: EphemeralMessage = {
        channel,
        user,
        message_ts: ws.nextTs(),
        text: messageText(args).text,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
        ...(blocks !== undefined ? { blocks } : {}),
      };
      ws.ephemerals.push(ephemeral);
      return { message_ts: ephemeral.message_ts };
    },

    "chat.getPermalink": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "message_ts");
      const message = ws.findMessage(channel, ts);
      if (message === undefined) refuse("message_not_found");
      return { channel, permalink: permalink(ws, channel, message) };
    },
  };
}
