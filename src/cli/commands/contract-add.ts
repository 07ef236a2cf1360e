import { parseArgs } from "node:util";
import { registerContract } from "../../services/register-contract.ts";
import { inputError, integerFlag } from "../contract-errors.ts";
import { CliError, type CliContext } from "../context.ts";

export const usage = `npm run cli -- contract add --customer NAME --channel C0123ABCD[,C…] --incidents N
       (--confirmed YYYY-MM-DD | --start YYYY-MM-DD [--end YYYY-MM-DD]) [--note TEXT] [--locale ja|en] [--by U0123ABCD]

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
    allowPositionals: false,
  });
  if (values.locale && values.locale !== "ja" && values.locale !== "en") throw new CliError("--locale must be ja or en");
  if (values.end && !values.start && !values.confirmed) throw new CliError("--end needs --start");
  const result = await registerContract(ctx.deps, {
    customerName: values.customer ?? "",
    channelIds: (values.channel ?? []).flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean),
    incidents: integerFlag(values.incidents),
    confirmedOn: values.confirmed ?? null, startsOn: values.start ?? null, endsOn: values.end ?? null,
    contactNote: values.note ?? null, locale: values.locale as "ja" | "en" | undefined,
    actorId: values.by ?? "cli",
  });
  if (!result.ok) {
    if (!result.errors) throw new CliError("this registration was already made");
    throw inputError(result.errors, { customerName: "--customer", channelIds: "--channel", incidents: "--incidents", startsOn: "--confirmed/--start", endsOn: "--end" }, result.channels);
  }
  ctx.out(`registered contract ${result.contractId} for customer ${result.customerId}${result.createdCustomer ? " (new)" : ""}: ` +
    `${values.incidents} incidents, valid ${result.startsOn} – ${result.endsOn}`);
}
