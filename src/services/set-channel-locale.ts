// The language the app speaks in a customer channel. Changing it re-renders the entry message and the open
// cases' messages in place, so the channel never shows two languages side by side for long.
import { enqueue } from "../db/outbox.ts";
import { ACTIVE_STATES } from "../domain/case.ts";
import type { ServiceDeps } from "./deps.ts";

export type SetChannelLocaleResult =
  | { ok: true; changed: boolean; refreshedCases: number }
  | { ok: false; reason: "not_registered" };

export async function setChannelLocale(deps: ServiceDeps, input: { channelId: string; locale: "ja" | "en" }): Promise<SetChannelLocaleResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<SetChannelLocaleResult> => {
    const channel = await tx.customerChannel.findUnique({ where: { channelId: input.channelId }, select: { locale: true } });
    if (!channel) return { ok: false, reason: "not_registered" };
    if (channel.locale === input.locale) return { ok: true, changed: false, refreshedCases: 0 };
    await tx.customerChannel.update({ where: { channelId: input.channelId }, data: { locale: input.locale } });
    await enqueue(tx, input.channelId, { kind: "channel.entry", mode: "refresh" }, { at: now });
    const open = await tx.case.findMany({
      where: { channelId: input.channelId, state: { in: [...ACTIVE_STATES] }, rootTs: { not: null } }, select: { id: true },
    });
    for (const c of open) await enqueue(tx, input.channelId, { kind: "case.refresh", caseId: c.id }, { at: now, caseId: c.id });
    return { ok: true, changed: true, refreshedCases: open.length };
  });
  if (result.ok && result.changed) deps.onOutbox?.();
  return result;
}
