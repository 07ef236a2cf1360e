// The language the app speaks in a customer channel. Changing it re-renders the entry message and the open
// cases' messages in place, so the channel never shows two languages side by side for long.
import { postedActiveCaseIds } from "../db/cases/delivery.ts";
import { channelLocale, storeChannelLocale } from "../db/channels/tenancy.ts";
import { enqueue } from "../db/outbox.ts";
import type { ServiceDeps } from "./deps.ts";

export type SetChannelLocaleResult =
  | { ok: true; changed: boolean; refreshedCases: number }
  | { ok: false; reason: "not_registered" };

export async function setChannelLocale(deps: ServiceDeps, input: { channelId: string; locale: "ja" | "en" }): Promise<SetChannelLocaleResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx): Promise<SetChannelLocaleResult> => {
    const locale = await channelLocale(tx, input.channelId);
    if (locale === null) return { ok: false, reason: "not_registered" };
    if (locale === input.locale) return { ok: true, changed: false, refreshedCases: 0 };
    await storeChannelLocale(tx, input.channelId, input.locale);
    await enqueue(tx, input.channelId, { kind: "channel.entry", mode: "refresh" }, { at: now });
    const open = await postedActiveCaseIds(tx, input.channelId);
    for (const caseId of open) await enqueue(tx, input.channelId, { kind: "case.refresh", caseId }, { at: now, caseId });
    return { ok: true, changed: true, refreshedCases: open.length };
  });
  if (result.ok && result.changed) deps.onOutbox?.();
  return result;
}
