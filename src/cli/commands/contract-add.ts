import { registerContract } from "../../services/register-contract.ts";
import { parseFlags } from "../args.ts";
import { checkPeriod, inputError, integerFlag, periodFlags } from "../contract-errors.ts";
import { CliError, type CliContext } from "../context.ts";
import { refuseOverlap } from "../overlap.ts";

export const usage = `npm run cli -- contract add --customer NAME --channel C0123ABCD[,C…] --incidents N
       (--confirmed YYYY-MM-DD | --start YYYY-MM-DD [--end YYYY-MM-DD]) [--note TEXT] [--locale ja|en] [--by U0123ABCD]
       [--allow-overlap] [--customer-team T0123ABCD]

  Registers a customer (created on first use), its Slack Connect channels and a contract of N incidents.
  Validity: one year from the confirmation date (through the day before the same date next year),
  or the explicit --start/--end dates of the first application. New channels get the "open a case" message.
  Dates run from 2000-01-01; a contract starts at most a year from today and lasts at most 3 years.
  A customer that already has a contract overlapping the period is refused: more incidents for that contract are
  an addition (contract addition), a new period bought early is a renewal (contract renew). --allow-overlap
  registers a second contract anyway.
  The customer's workspace: with SLACK_BOT_TOKEN set, Slack is asked which workspaces share each channel; the one
  outside workspace is the customer's. When several are connected, or Slack cannot be asked, name it with
  --customer-team. A channel not shared yet serves no one outside T4U until it is (the app then reads it).`;

export async function contractAdd(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, {
    customer: { type: "string" }, channel: { type: "string", multiple: true }, incidents: { type: "string" },
    confirmed: { type: "string" }, start: { type: "string" }, end: { type: "string" }, note: { type: "string" },
    locale: { type: "string" }, by: { type: "string" }, "allow-overlap": { type: "boolean" },
    "customer-team": { type: "string" },
  });
  if (values.locale && values.locale !== "ja" && values.locale !== "en") throw new CliError("--locale must be ja or en");
  if (values.end && !values.start && !values.confirmed) throw new CliError("--end needs --start");
  const period = checkPeriod(ctx, values);
  if (period && !values["allow-overlap"]) await refuseOverlap(ctx, values.customer ?? "", period);
  const result = await registerContract(ctx.deps, {
    customerName: values.customer ?? "",
    channelIds: (values.channel ?? []).flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean),
    incidents: integerFlag(values.incidents),
    confirmedOn: values.confirmed ?? null, startsOn: values.start ?? null, endsOn: values.end ?? null,
    contactNote: values.note ?? null, locale: values.locale as "ja" | "en" | undefined,
    customerTeamId: values["customer-team"]?.trim() || null,
    actorId: values.by ?? "cli",
  });
  if (!result.ok) {
    if (!result.errors) throw new CliError("this registration was already made");
    if (result.errors.customerTeam === "choose_team" || result.errors.customerTeam === "team_not_connected") {
      const teams = (result.teams ?? []).map((t) => (t.name ? `${t.id} (${t.name})` : t.id)).join(", ");
      throw new CliError(result.errors.customerTeam === "choose_team"
        ? `--customer-team: ${result.channels?.join(", ")} is shared with several workspaces (${teams}); name the customer's`
        : `--customer-team: not connected to ${result.channels?.join(", ")}${teams ? ` (connected: ${teams})` : " (the channel is not shared)"}`);
    }
    throw inputError(result.errors, { customerName: "--customer", channelIds: "--channel", incidents: "--incidents", customerTeam: "--customer-team", ...periodFlags(values) }, result.channels);
  }
  ctx.out(`registered contract ${result.contractId} for customer ${result.customerId}${result.createdCustomer ? " (new)" : ""}: ` +
    `${values.incidents} incidents, valid ${result.startsOn} – ${result.endsOn}`);
  for (const c of result.channels) {
    if (c.known) continue;
    ctx.out(c.customerTeams.length
      ? `${c.channelId}: customer workspace ${c.customerTeams.join(", ")}${c.otherTeams.length ? `; not the customer: ${c.otherTeams.join(", ")}` : ""}`
      : c.asked
        ? `${c.channelId}: not shared with the customer's workspace yet — it serves no one outside T4U until it is`
        : `${c.channelId}: Slack was not asked which workspaces share it (no SLACK_BOT_TOKEN, or Slack failed) — it serves no one outside T4U ` +
          "until the running app reads them (at start, or when the channel is shared) or you name it with `channel customer-team`");
  }
}
