// T4U's engineers and managers as Slack knows them: the user ids named in SUPPORT_ENGINEERS / SUPPORT_MANAGERS, plus
// the members of the user groups named there. Members are read at start, read again when Slack says a group changed
// (subteam_* events) and every ROLE_REFRESH_SECONDS in case an event was lost, so someone taken out of a group loses
// the role within that period, without a restart. Each read replaces the directory's sets whole, so a decision
// never sees half of an update, and the rest of the app keeps reading deps.directory as plain sets.
import type { RoleDirectory } from "../domain/roles.ts";
import type { Logger } from "../logger.ts";
import { slackErrorCode } from "../observability/instrument.ts";
import { gauge } from "../observability/metrics.ts";

export interface RoleSetting { users: ReadonlySet<string>; groups: readonly string[] }

/** The one Slack call this needs (a WebClient is one). */
export interface UserGroupReader {
  usergroups: { users: { list(args: { usergroup: string }): Promise<{ users?: string[] }> } };
}

/** What a subteam_* event said about a group, used as it is when Slack cannot be asked. */
export interface GroupChange { members?: readonly string[]; added?: readonly string[]; removed?: readonly string[]; disabled?: boolean }

export interface RoleGroupsOptions { intervalSeconds: number; logger: Logger }

// Slack's answer that the group does not exist (deleted, disabled, or another workspace's): nobody holds a role
// through it. Any other failure (network, rate limit, outage) says nothing about the members, so the last known stay.
const GONE = new Set(["no_such_subteam"]);

export class RoleGroups {
  readonly directory: RoleDirectory;
  private readonly members = new Map<string, ReadonlySet<string>>();
  /** Groups whose last read failed, with Slack's error. */
  private readonly unreadable = new Map<string, string>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    homeTeamId: string,
    private readonly settings: { engineers: RoleSetting; managers: RoleSetting },
    private readonly client: UserGroupReader,
    private readonly options: RoleGroupsOptions,
  ) {
    this.directory = { homeTeamId, engineers: settings.engineers.users, managers: settings.managers.users };
  }

  /** Every configured group, each once. */
  get groups(): string[] {
    return [...new Set([...this.settings.engineers.groups, ...this.settings.managers.groups])];
  }

  watches(groupId: string): boolean {
    return this.groups.includes(groupId);
  }

  /** Reads every group once, after any read under way. Never rejects: a failure is logged and counted. */
  refreshAll(): Promise<void> {
    return this.serially(async () => {
      for (const group of this.groups) await this.read(group);
      this.publish();
    });
  }

  /**
   * Slack said a group changed. What the event says applies at once (a removal takes effect without waiting for
   * Slack), then the group is read again, which also settles events that arrive twice or out of order.
   */
  changed(groupId: string, change: GroupChange): Promise<void> {
    if (!this.watches(groupId)) return Promise.resolve();
    return this.serially(async () => {
      this.members.set(groupId, applied(this.members.get(groupId) ?? new Set(), change));
      this.publish();
      if (change.disabled) return;
      await this.read(groupId);
      this.publish();
    });
  }

  /** Refreshes every intervalSeconds until stopped (nothing to do when no group is configured). */
  start(): void {
    if (!this.stopped || this.groups.length === 0) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  /** incident_desk_role_group_readable{group}: 1 when the group's last read succeeded, 0 when it failed. */
  gauge(): string {
    if (this.groups.length === 0) return "";
    return gauge("incident_desk_role_group_readable", "Whether the last read of a user group named in SUPPORT_ENGINEERS or SUPPORT_MANAGERS succeeded",
      this.groups.map((group) => ({ labels: { group }, value: this.unreadable.has(group) ? 0 : 1 })));
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.refreshAll().finally(() => {
        if (!this.stopped) this.schedule();
      });
    }, this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work).catch((error: unknown) => {
      this.options.logger.error("user group refresh failed", { error: error instanceof Error ? error.message : String(error) });
    });
    this.chain = next;
    return next;
  }

  private async read(group: string): Promise<void> {
    const log = this.options.logger;
    try {
      const answer = await this.client.usergroups.users.list({ usergroup: group });
      this.members.set(group, new Set(answer.users ?? []));
      if (this.unreadable.delete(group)) log.info("user group read again", { group, members: answer.users?.length ?? 0 });
    } catch (error) {
      const code = slackErrorCode(error);
      const known = this.members.has(group);
      if (GONE.has(code)) this.members.set(group, new Set());
      // Said once per failure spell, not every period: the gauge shows that it goes on.
      if (this.unreadable.get(group) !== code) {
        log.error(GONE.has(code)
          ? "user group does not exist in Slack: nobody holds a role through it (check SUPPORT_ENGINEERS / SUPPORT_MANAGERS)"
          : known
            ? "user group could not be read: keeping the members last read, trying again next period"
            : "user group could not be read: nobody holds a role through it until it can be read", { group, error: code });
      }
      this.unreadable.set(group, code);
    }
  }

  private publish(): void {
    this.directory.engineers = this.union(this.settings.engineers);
    this.directory.managers = this.union(this.settings.managers);
  }

  private union(setting: RoleSetting): ReadonlySet<string> {
    const all = new Set(setting.users);
    for (const group of setting.groups) for (const user of this.members.get(group) ?? []) all.add(user);
    return all;
  }
}

function applied(known: ReadonlySet<string>, change: GroupChange): ReadonlySet<string> {
  if (change.disabled) return new Set();
  const next = new Set(change.members ?? known);
  for (const user of change.added ?? []) next.add(user);
  for (const user of change.removed ?? []) next.delete(user);
  return next;
}
