import type { Config } from "../config.ts";
import type { RoleDirectory } from "../domain/roles.ts";
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import type { PersonLocales } from "./person-locales.ts";
import type { RoleGroups } from "./role-directory.ts";
import type { Services } from "./services.ts";

/** What the app builds once (src/app.ts): the services are bound to it, and the outbox and the scheduler use it. */
export interface AppDeps extends ServiceDeps {
  config: Config;
  directory: RoleDirectory;
  /** Keeps the directory's members of user groups current; absent when no group is configured or in tools. */
  roleGroups?: RoleGroups;
  logger: Logger;
  /** Each person's Slack language, for what only they see. */
  people: PersonLocales;
}

/**
 * Everything a listener may use: the use cases, never the database. Listeners stay thin: parse, check the role,
 * call one service, answer.
 */
export interface SlackDeps extends Omit<AppDeps, "db"> {
  /** The use cases, bound to the app's dependencies (src/slack/services.ts). */
  services: Services;
}
