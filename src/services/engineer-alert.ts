// Alerts for T4U staff go to the internal triage channel, never to a customer's channel. A case's alert goes
// in its triage thread; if the case has no triage message (opened before the channel was configured, or its
// announcement is still queued), a top-level message naming the case takes its place, so an alert never waits
// on a thread that may not come. Without a triage channel there is nowhere in Slack to say it: the duty is
// still recorded (case event, scheduler log and CLI output) and the caller reports that nothing was posted.
import type { Tx } from "../db/client.ts";
import { enqueue } from "../db/outbox.ts";
import type { ServiceDeps } from "./deps.ts";
import type { CaseNotice, ChannelNotice } from "./notices.ts";

export type AlertRoute = "triage thread" | "triage channel" | "nowhere (no triage channel)";

/** Where an alert about this case goes (decided before writing it, so a dry run can say so). */
export function alertRoute(deps: Pick<ServiceDeps, "triageChannel">, c: { triageTs: string | null }): AlertRoute {
  if (!deps.triageChannel) return "nowhere (no triage channel)";
  return c.triageTs ? "triage thread" : "triage channel";
}

export async function alertEngineers(
  tx: Tx,
  deps: Pick<ServiceDeps, "triageChannel">,
  c: { id: number; triageTs: string | null },
  notice: CaseNotice,
  options: { at: Date; dedupeKey: string },
): Promise<AlertRoute> {
  const route = alertRoute(deps, c);
  if (!deps.triageChannel) return route;
  // Either way the text names the case: delivery adds its number.
  if (route === "triage thread") {
    await enqueue(tx, deps.triageChannel, { kind: "triage.notice", caseId: c.id, ...notice }, { at: options.at, caseId: c.id, dedupeKey: options.dedupeKey });
  } else {
    await enqueue(tx, deps.triageChannel, { kind: "channel.notice", caseId: c.id, ...notice }, { at: options.at, caseId: c.id, dedupeKey: options.dedupeKey });
  }
  return route;
}

/** Managers see contract notices in the triage channel too: one internal place, no direct messages to chase. */
export async function alertManagers(
  tx: Tx,
  deps: Pick<ServiceDeps, "triageChannel">,
  notice: ChannelNotice,
  options: { at: Date; dedupeKey: string },
): Promise<boolean> {
  if (!deps.triageChannel) return false;
  await enqueue(tx, deps.triageChannel, { kind: "channel.notice", ...notice }, { at: options.at, dedupeKey: options.dedupeKey });
  return true;
}
