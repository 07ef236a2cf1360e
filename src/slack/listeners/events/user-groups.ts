// Slack tells the app when a user group changes; when it is one that SUPPORT_ENGINEERS or SUPPORT_MANAGERS names,
// its members are read again so that roles follow the group without a restart (see role-directory.ts). Groups the
// settings do not name are ignored. A redelivered event only reads the group once more.
import type { Listeners } from "../../listener-router.ts";
import { str } from "../../actor.ts";
import type { SlackDeps } from "../../deps.ts";

/** Only user ids: anything else in a list is dropped rather than trusted. */
function ids(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map(str).filter((id): id is string => id !== undefined);
}

export function register(app: Listeners, deps: SlackDeps): void {
  const groups = deps.roleGroups;
  if (!groups) return;

  app.event("subteam_members_changed", async ({ event }) => {
    const groupId = str(event.subteam_id);
    if (!groupId) return;
    await groups.changed(groupId, { added: ids(event.added_users), removed: ids(event.removed_users) });
  });

  app.event("subteam_updated", async ({ event }) => {
    const subteam: unknown = event.subteam;
    if (typeof subteam !== "object" || subteam === null) return;
    const fields = subteam as Record<string, unknown>;
    const groupId = str(fields.id);
    if (!groupId) return;
    // A disabled group has a deletion date; its members lose the role it gave them at once.
    const disabled = typeof fields.date_delete === "number" && fields.date_delete > 0;
    await groups.changed(groupId, { members: ids(fields.users), disabled });
  });
}
