// `channel statement-monthly on|off --channel C…`: whether the channel gets its customer's usage statement on the
// first business morning of each month (off unless a manager turns it on).
import { localDateTime } from "../../services/scheduled-job.ts";
import { setStatementMonthly } from "../../services/monthly-statement.ts";
import { CliError, type CliContext } from "../context.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- channel statement-monthly on|off --channel C0123ABCD

  on   the channel gets its customer's usage statement of the month before on the first business day of each
       month at 9:00 (everyone in the channel sees it, other workspaces connected to it included)
  off  no more monthly statements (customers still get theirs from the entry message)`;

const CHANNEL = /^[CG][A-Z0-9]{2,}$/;

export async function channelStatementMonthly(ctx: CliContext, args: string[]): Promise<void> {
  const [mode, ...rest] = args;
  if (mode !== "on" && mode !== "off") throw new CliError(`say on or off first\n\n${usage}`);
  const values = parseFlags(rest, { channel: { type: "string" } });
  const channelId = values.channel?.trim() ?? "";
  if (!CHANNEL.test(channelId)) throw new CliError("--channel must be a channel id like C0123ABCD");
  const result = await setStatementMonthly(ctx.deps, { channelId, on: mode === "on" });
  if (!result.ok) throw new CliError(`channel ${channelId} is not registered; register it with \`contract add\``);
  if (!result.on) {
    ctx.out(result.changed ? `${channelId} gets no more monthly usage statements` : `${channelId} already gets no monthly usage statement`);
    return;
  }
  const first = result.firstPostOn ? ` the next one on ${localDateTime(ctx.deps, result.firstPostOn).text}` : "";
  ctx.out(`${channelId} ${result.changed ? "now gets" : "already gets"} its usage statement every month;${first}`);
}
