// T4U posts a channel's "open a case" message again (it scrolled out of sight, or someone unpinned or deleted
// it). The new message takes the pin; the old one stays in the history and its buttons keep working.
import { enqueue } from "../db/outbox.ts";
import type { ServiceDeps } from "./deps.ts";

export type RepostEntryResult = { ok: true } | { ok: false; reason: "not_registered" };

export async function repostEntry(deps: ServiceDeps, input: { channelId: string }): Promise<RepostEntryResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<RepostEntryResult> => {
    const channel = await tx.customerChannel.findUnique({ where: { channelId: input.channelId }, select: { id: true } });
    if (!channel) return { ok: false, reason: "not_registered" };
    await enqueue(tx, input.channelId, { kind: "channel.entry", mode: "repost" }, { at: now });
    return { ok: true };
  });
  if (result.ok) deps.onOutbox?.();
  return result;
}
