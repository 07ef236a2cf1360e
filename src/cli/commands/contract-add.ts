import { parseArgs } from "node:util";
import { registerContract } from "../../services/register-contract.ts";
import { CliError, type CliContext } from "../context.ts";

export const usage = `npm run cli -- contract add --customer NAME --channel C0123ABCD[,C…] --incidents N
       (--confirmed YYYY-MM-DD | --start YYYY-MM-DD --end YYYY-MM-DD) [--note TEXT] [--locale ja|en] [--by U0123ABCD]

  Registers a customer (created on first use), its Slack Connect channels and a contract of N incidents.
  Validity: one year from the confirmation date (through the day before the same date next year),
  or the explicit --start/--end dates of the first application. New channels get the "open a case" message.`;

export async function contractAdd(ctx: CliContext, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      customer: { type: "string" }, channel: { type: "string", multiple: true }, incidents: { type: "string" },
      confirmed: { type: "string" }, start: { type: "string" }, end: { type: "string" }, note: { type: "string" },
      locale: { type: "string" }, by: { type: "string" },
    },
    strict: true,
  });
  if (values.locale && values.locale !== "ja" && values.locale !== "en") throw new CliError("--locale must be ja or en");
  if (values.confirmed && (values.start || values.end)) throw new CliError("give either --confirmed or --start/--end, not both");
  if (values.end && !values.start) throw new CliError("--end needs --start");
  const result = await registerContract(ctx.deps, {
    customerName: values.customer ?? "",
    channelIds: (values.channel ?? []).flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean),
    incidents: values.incidents && /^\d+$/.test(values.incidents) ? Number(values.incidents) : Number.NaN,
    confirmedOn: values.confirmed ?? null, startsOn: values.start ?? null, endsOn: values.end ?? null,
    contactNote: values.note ?? null, locale: values.locale as "ja" | "en" | undefined,
    actorId: values.by ?? "cli",
  });
  if (!result.ok) {
    const flags: Record<string, string> = { customerName: "--customer", channelIds: "--channel", incidents: "--incidents", startsOn: "--confirmed/--start", endsOn: "--end" };
    throw new CliError(Object.entries(result.errors).map(([field, message]) => `${flags[field] ?? field}: ${message}`).join("\n"));
  }
  ctx.out(`registered contract ${result.contractId} for customer ${result.customerId}${result.createdCustomer ? " (new)" : ""}: ` +
    `${values.incidents} incidents, valid ${result.startsOn} – ${result.endsOn}`);
}
