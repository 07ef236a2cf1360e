// Publishing App Home for one person: what they see depends on their role, decided on the server each time.
import type { WebClient } from "@slack/web-api";
import { can, type Role } from "../../domain/roles.ts";
import { type CustomerBalance } from "../../services/balance-overview.ts";
import { type Queue } from "../../services/queue.ts";
import { rolesIn } from "../actor.ts";
import type { SlackDeps } from "../deps.ts";
import { translator } from "../i18n/index.ts";
import { homeView, type EngineerHome } from "../views/home.ts";
import { threadLinksOf } from "./links.ts";

/** What the Home tab needs, loaded once and shared by everyone it is published for. */
export interface HomeSources { queue: () => Promise<Queue>; balances: () => Promise<CustomerBalance[]> }

export function homeSources(deps: SlackDeps): HomeSources {
  let queue: Promise<Queue> | null = null;
  let balances: Promise<CustomerBalance[]> | null = null;
  return {
    queue: () => (queue ??= deps.services.loadQueue()),
    balances: () => (balances ??= deps.services.balanceOverview()),
  };
}

async function engineerHome(deps: SlackDeps, client: WebClient, userId: string, sources: HomeSources): Promise<EngineerHome> {
  const [mine, queue, closed, muted] = await Promise.all([
    deps.services.loadMyCases(userId), sources.queue(), deps.services.loadRecentlyClosed(userId), deps.services.mutedTopicsOf(userId),
  ]);
  const links = await threadLinksOf(deps).of(client, [...mine.rows, ...queue.rows, ...closed]);
  return { mine, queue, closed, muted, links };
}

/** False when Slack refused the view (e.g. an unknown user): a Home tab is a convenience, so that is logged, not thrown. */
export async function publishHome(
  deps: SlackDeps, client: WebClient, user: { userId: string; teamId: string | undefined }, sources = homeSources(deps),
): Promise<boolean> {
  const roles: Set<Role> = rolesIn(deps, user, null);
  const view = homeView({
    engineer: can(roles, "case.work") ? await engineerHome(deps, client, user.userId, sources) : null,
    balances: can(roles, "balance.all") ? await sources.balances() : null,
  }, translator(await deps.people.of(user.userId) ?? deps.config.defaultLocale));
  try {
    await client.views.publish({ user_id: user.userId, view });
    return true;
  } catch (error) {
    deps.logger.warn("home not published", { userId: user.userId, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
