// Held messages go out again: the app joined the channel again (Slack's member_joined_channel for the app itself),
// or an operator says the cause is fixed (`outbox retry`). They are sent at once, in their channel's order.
import { releaseHeld, type ReleaseFilter } from "../db/outbox.ts";
import type { ServiceDeps } from "./deps.ts";

export async function releaseHeldMessages(deps: Pick<ServiceDeps, "db" | "onOutbox">, filter: ReleaseFilter): Promise<number> {
  const released = await releaseHeld(deps.db, filter);
  if (released > 0) deps.onOutbox?.();
  return released;
}
