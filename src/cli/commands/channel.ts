import { repostEntry } from "../../services/repost-entry.ts";
import { setChannelLocale } from "../../services/set-channel-locale.ts";
import { CliError, type CliContext } from "../context.ts";
import { parseFlags } from "../args.ts";
import { channelTenancyCommand } from "./channel-tenancy.ts";

export const usage = `npm run cli -- channel entry --channel C0123ABCD
npm run cli -- channel locale --channel C0123ABCD --locale ja|en
npm run cli -- channel show --channel C0123ABCD
npm run cli -- channel customer-team --channel C0123ABCD --team T0123ABCD[,T…] [--by U0123ABCD]
npm run cli -- channel approvers --channel C0123ABCD --users U0123ABCD[,U…] [--by U0123ABCD]
npm run cli -- channel refresh --channel C0123ABCD

  entry          posts the channel's "open a case" message again and moves the pin to it
  locale         sets the language the app speaks in the channel; the entry message and open cases are re-rendered
  show           the channel's customer workspaces (only their people open cases, reply and approve there),
                 workspaces waiting for a manager, and who may approve raised incident counts
  customer-team  these workspaces are the customer's; every other connected workspace is not
  approvers      only these customer people may approve raised incident counts (--users= : anyone of the customer)
  refresh        asks Slack which workspaces share the channel now; a single new one becomes the customer's when
                 the channel had none, any other waits for a manager (needs SLACK_BOT_TOKEN)
  The running app delivers the messages (within its outbox poll interval).`;

const CHANNEL = /^[CG][A-Z0-9]{2,}$/;

export async function channelCommand(ctx: CliContext, command: string | undefined, args: string[]): Promise<void> {
  const values = parseFlags(args, { channel: { type: "string" }, locale: { type: "string" }, team: { type: "string" }, users: { type: "string" }, by: { type: "string" } });
  const channelId = values.channel?.trim() ?? "";
  if (!CHANNEL.test(channelId)) throw new CliError("--channel must be a channel id like C0123ABCD");
  if (command === "show" || command === "customer-team" || command === "approvers" || command === "refresh") {
    await channelTenancyCommand(ctx, command, channelId, values);
    return;
  }
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
