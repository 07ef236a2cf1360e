// T4U posts a channel's "open a case" message again (it scrolled out of sight, or someone unpinned or deleted
// it). The new message takes the pin; the old one stays in the history and its buttons keep working.
import { isRegisteredChannel } from "../db/channels/tenancy.ts";
import { enqueue } from "../db/outbox.ts";
import type { ServiceDeps } from "./deps.ts";

export type RepostEntryResult = { ok: true } | { ok: false; reason: "not_registered" };

export async function repostEntry(deps: ServiceDeps, input: { channelId: string }): Promise<RepostEntryResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<RepostEntryResult> => {
    if (!await isRegisteredChannel(tx, input.channelId)) return { ok: false, reason: "not_registered" };
    await enqueue(tx, input.channelId, { kind: "channel.entry", mode: "repost" }, { at: now });
    return { ok: true };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
