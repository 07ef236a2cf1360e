// Who may do what (R-ROLE). A button being visible proves nothing: every action asks this module on the server.

export type Role = "engineer" | "manager" | "customer" | "internal" | "outsider";

export interface RoleDirectory {
  homeTeamId: string;
  engineers: ReadonlySet<string>;
  managers: ReadonlySet<string>;
}

export interface Actor { userId: string; teamId: string | undefined }

/** The customer organisation whose channel the action happened in, if any. */
export interface ChannelCustomer { customerId: number; slackTeamId: string | null }

/**
 * The roles of a person in a place. T4U staff are recognised by their user id (engineers, managers) or by the
 * home workspace (internal). A customer is someone from outside T4U acting in their own organisation's
 * registered channel; once the channel's workspace is known, people of any other workspace are outsiders there.
 */
export function rolesOf(actor: Actor, directory: RoleDirectory, channel?: ChannelCustomer): Set<Role> {
  const roles = new Set<Role>();
  if (directory.engineers.has(actor.userId)) roles.add("engineer");
  if (directory.managers.has(actor.userId)) roles.add("manager");
  const internal = actor.teamId === directory.homeTeamId || roles.size > 0;
  if (internal) {
    roles.add("internal");
    return roles;
  }
  if (channel && actor.teamId && (channel.slackTeamId === null || channel.slackTeamId === actor.teamId)) {
    roles.add("customer");
  } else {
    roles.add("outsider");
  }
  return roles;
}

export type Permission =
  | "case.open"          // open a case in a channel
  | "case.reply"         // follow-up questions, approvals
  | "case.work"          // every engineer action on a case
  | "contracts.manage"   // register, add, renew, adjust, export
  | "balance.own"        // a customer's own balance
  | "balance.all";       // /balance over every customer

const GRANTS: Record<Permission, readonly Role[]> = {
  "case.open": ["customer", "engineer", "manager"],
  "case.reply": ["customer"],
  "case.work": ["engineer"],
  "contracts.manage": ["manager"],
  "balance.own": ["customer", "engineer", "manager"],
  "balance.all": ["manager"],
};

export function can(roles: ReadonlySet<Role>, permission: Permission): boolean {
  return GRANTS[permission].some((role) => roles.has(role));
}
