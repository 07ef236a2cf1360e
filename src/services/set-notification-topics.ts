// An engineer sets which kinds of personal notification they receive (App Home's checkboxes). The checkboxes send
// the whole set ticked at each change, so the switches are stored as that set: ticked on, the others off.
import { setTopicEnabled } from "../db/notifications.ts";
import { NOTIFICATION_TOPICS, type NotificationTopic } from "../domain/notification.ts";
import type { ServiceDeps } from "./deps.ts";

export async function setNotificationTopics(deps: Pick<ServiceDeps, "db" | "clock">, input: { userId: string; enabled: ReadonlySet<NotificationTopic> }): Promise<void> {
  const now = deps.clock.now();
  for (const topic of NOTIFICATION_TOPICS) await setTopicEnabled(deps.db, input.userId, topic, input.enabled.has(topic), now);
}
