// Who may do what (R-ROLE). A button being visible proves nothing: every action asks this module on the server.

export type Role = "engineer" | "manager" | "customer" | "internal" | "outsider";

/** Who wrote a message recorded in a case: the customer, its engineer, or another T4U person. */
export type AuthorRole = Extract<Role, "customer" | "engineer" | "internal">;

/**
 * Who T4U's engineers and managers are. Members of user groups are kept current while the app runs by replacing
 * these sets, so read them through the directory at each decision rather than keeping a set.
 */
export interface RoleDirectory {
  homeTeamId: string;
  engineers: ReadonlySet<string>;
  managers: ReadonlySet<string>;
}

export interface Actor { userId: string; teamId: string | undefined }

/**
 * The customer organisation whose channel the action happened in, if any, and the workspaces registered as that
 * customer's in this channel (a channel may be shared with more than one outside organisation).
 */
export interface ChannelCustomer { customerId: number; customerTeamIds: readonly string[] }

/**
 * The roles of a person in a place. T4U staff are recognised by their user id (engineers, managers) or by the
 * home workspace (internal). A customer is someone of a workspace registered as the channel's customer, acting in
 * that channel; everyone else from outside — a third organisation in the same channel, or any outsider while the
 * channel has no customer workspace yet — is an outsider there. The workspace comes from the payload's own user
 * fields, never from text a person wrote.
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
  if (channel && actor.teamId && channel.customerTeamIds.includes(actor.teamId)) {
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
  | "balance.all"        // /balance over every customer
  | "report.review";     // approve a formal report, or ask for changes (never one's own version)

const GRANTS: Record<Permission, readonly Role[]> = {
  "case.open": ["customer", "engineer", "manager"],
  "case.reply": ["customer"],
  "case.work": ["engineer"],
  "contracts.manage": ["manager"],
  "balance.own": ["customer", "engineer", "manager"],
  "balance.all": ["manager"],
  "report.review": ["engineer", "manager"],
};

export function can(roles: ReadonlySet<Role>, permission: Permission): boolean {
  return GRANTS[permission].some((role) => roles.has(role));
}
