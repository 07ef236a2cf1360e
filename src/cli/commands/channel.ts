import { repostEntry } from "../../services/repost-entry.ts";
import { setChannelLocale } from "../../services/set-channel-locale.ts";
import { CliError, type CliContext } from "../context.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- channel entry --channel C0123ABCD
npm run cli -- channel locale --channel C0123ABCD --locale ja|en

  entry   posts the channel's "open a case" message again and moves the pin to it
  locale  sets the language the app speaks in the channel; the entry message and open cases are re-rendered
  The running app delivers the messages (within its outbox poll interval).`;

const CHANNEL = /^[CG][A-Z0-9]{2,}$/;

export async function channelCommand(ctx: CliContext, command: string | undefined, args: string[]): Promise<void> {
  const values = parseFlags(args, { channel: { type: "string" }, locale: { type: "string" } });
  const channelId = values.channel?.trim() ?? "";
  if (!CHANNEL.test(channelId)) throw new CliError("--channel must be a channel id like C0123ABCD");
  if (command === "entry") {
    if (values.locale !== undefined) throw new CliError("channel entry takes no --locale");
    const result = await repostEntry(ctx.deps, { channelId });
    if (!result.ok) throw new CliError(`channel ${channelId} is not registered; register it with \`contract add\``);
    ctx.out(`the "open a case" message of ${channelId} will be posted again and pinned`);
    return;
  }
  if (command === "locale") {
    if (values.locale !== "ja" && values.locale !== "en") throw new CliError("--locale must be ja or en");
    const result = await setChannelLocale(ctx.deps, { channelId, locale: values.locale });
    if (!result.ok) throw new CliError(`channel ${channelId} is not registered; register it with \`contract add\``);
    ctx.out(result.changed
      ? `${channelId} now speaks ${values.locale}; its entry message and ${result.refreshedCases} open case(s) will be re-rendered`
      : `${channelId} already speaks ${values.locale}`);
    return;
  }
  throw new CliError(`unknown channel command: ${command ?? "(none)"}\n\n${usage}`);
}
