// Sends a person the notifications waiting for them, as one direct message in their own Slack language. The
// first of them waits a minute for the rest (a burst is one message); they are marked sent only once Slack took
// the message, so a failed send is tried again with all of them, and the outbox's tag on the post keeps a retry
// after an unanswered attempt from posting twice.
import type { WebClient } from "@slack/web-api";
import { casesForNotifications } from "../../db/cases/views-work.ts";
import { caseNumber } from "../../domain/case.ts";
import { batchSendAt } from "../../domain/notification.ts";
import { markNotificationsSent, waitingNotifications } from "../../db/notifications.ts";
import { enqueue } from "../../db/outbox.ts";
import { NOTIFICATIONS_OUTBOX_KIND } from "../../services/notify-person.ts";
import { localeFrom, translator } from "../i18n/index.ts";
import { notificationMessage, NOTIFICATIONS_PER_MESSAGE, type NotificationCase } from "../views/notification-message.ts";
import { Later, type DeliverDeps } from "./deliver.ts";
import { threadLink } from "./thread-link.ts";

export async function deliverNotifications(deps: DeliverDeps, userId: string): Promise<void> {
  const waiting = await waitingNotifications(deps.db.client, userId, NOTIFICATIONS_PER_MESSAGE + 1);
  const first = waiting[0];
  if (!first) return; // sent together with an earlier batch
  const sendAt = batchSendAt(first.createdAt);
  if (sendAt > deps.clock.now()) throw new Later(sendAt);
  const batch = waiting.slice(0, NOTIFICATIONS_PER_MESSAGE);
  const cases = await casesOf(deps, batch.flatMap((n) => (n.caseId === null ? [] : [n.caseId])));
  const t = translator(await personLocale(deps.client, userId, deps.defaultLocale));
  const message = notificationMessage(batch.map((n) => ({ kind: n.kind, data: n.data, case: n.caseId === null ? null : cases.get(n.caseId) ?? null })), t);
  const dm = await deps.client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("conversations.open returned no channel");
  await deps.client.chat.postMessage({ channel, ...message, unfurl_links: false });
  const now = deps.clock.now();
  await markNotificationsSent(deps.db, batch.map((n) => n.id), now);
  // More than one message holds: the rest follow as the person's next message.
  if (waiting.length > batch.length) {
    await deps.db.transaction((tx) => enqueue(tx, userId, { kind: NOTIFICATIONS_OUTBOX_KIND, userId }, { at: now }));
    if (deps.round) deps.round.lookAgain = true;
  }
}

/** The language the person reads Slack in (users.info); the app's default when Slack does not say. */
async function personLocale(client: WebClient, userId: string, fallback: "ja" | "en"): Promise<"ja" | "en"> {
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    return localeFrom(info.user?.locale, fallback);
  } catch {
    return fallback;
  }
}

async function casesOf(deps: DeliverDeps, ids: readonly number[]): Promise<Map<number, NotificationCase>> {
  if (ids.length === 0) return new Map();
  const rows = await casesForNotifications(deps.db.client, ids);
  const entries = await Promise.all(rows.map(async (c) => [c.id, {
    number: caseNumber(c.id), title: c.title, customerName: c.customer.name, link: await threadLink(deps.client, c.channelId, c.rootTs),
  }] as const));
  return new Map(entries);
}
