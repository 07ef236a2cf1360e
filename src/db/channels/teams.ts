// A customer channel's tenancy: which connected workspaces are the customer's, and who may approve. The only
// module that queries ChannelTeam and ChannelApprover.
import type { ConnectedTeam, TeamDecision, TeamRole } from "../../domain/tenancy.ts";
import type { Db, Tx } from "../client.ts";

export interface ChannelTeamRow { teamId: string; teamName: string | null; role: TeamRole; decidedBy: string | null }

export async function teamsOf(db: Db | Tx, channelId: string): Promise<ChannelTeamRow[]> {
  return db.channelTeam.findMany({
    where: { channelId }, orderBy: { id: "asc" },
    select: { teamId: true, teamName: true, role: true, decidedBy: true },
  });
}

/** Records decisions about workspaces the channel does not know yet; decisions already made are kept. */
export async function addTeams(tx: Tx, channelId: string, decisions: readonly TeamDecision[], actorId: string, at: Date): Promise<void> {
  for (const d of decisions) {
    await tx.channelTeam.upsert({
      where: { channelId_teamId: { channelId, teamId: d.teamId } },
      create: { channelId, teamId: d.teamId, teamName: d.teamName, role: d.role, decidedBy: d.role === "pending" ? null : actorId, createdAt: at, updatedAt: at },
      update: {},
    });
  }
}

/** Connected workspaces nobody has decided on yet are recorded as pending; those the channel knows are kept. */
export async function recordConnectedTeams(tx: Tx, channelId: string, teams: readonly ConnectedTeam[], at: Date): Promise<void> {
  for (const t of teams) {
    await tx.channelTeam.upsert({
      where: { channelId_teamId: { channelId, teamId: t.id } },
      create: { channelId, teamId: t.id, teamName: t.name, role: "pending", createdAt: at, updatedAt: at },
      update: {},
    });
  }
}

/**
 * A manager's word on a channel's customer workspace(s): these become the customer, every other connected one is
 * excluded. Returns the roles before and after, so the caller can say what changed.
 */
export async function setCustomerTeams(tx: Tx, channelId: string, teamIds: readonly string[], names: ReadonlyMap<string, string | null>, actorId: string, at: Date): Promise<{ before: ChannelTeamRow[]; after: ChannelTeamRow[] }> {
  const before = await teamsOf(tx, channelId);
  for (const teamId of teamIds) {
    await tx.channelTeam.upsert({
      where: { channelId_teamId: { channelId, teamId } },
      create: { channelId, teamId, teamName: names.get(teamId) ?? null, role: "customer", decidedBy: actorId, createdAt: at, updatedAt: at },
      update: { role: "customer", decidedBy: actorId, updatedAt: at, ...(names.get(teamId) ? { teamName: names.get(teamId) } : {}) },
    });
  }
  await tx.channelTeam.updateMany({
    where: { channelId, teamId: { notIn: [...teamIds] } },
    data: { role: "excluded", decidedBy: actorId, updatedAt: at },
  });
  return { before, after: await teamsOf(tx, channelId) };
}

export async function approversOf(db: Db | Tx, channelId: string): Promise<string[]> {
  const rows = await db.channelApprover.findMany({ where: { channelId }, orderBy: { id: "asc" }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** Replaces the channel's named approvers; an empty list lets anyone of the customer's workspaces approve. */
export async function setApprovers(tx: Tx, channelId: string, userIds: readonly string[], actorId: string, at: Date): Promise<void> {
  await tx.channelApprover.deleteMany({ where: { channelId, userId: { notIn: [...userIds] } } });
  for (const userId of userIds) {
    await tx.channelApprover.upsert({
      where: { channelId_userId: { channelId, userId } },
      create: { channelId, userId, createdBy: actorId, createdAt: at },
      update: {},
    });
  }
}

/** Registered channels that have no customer workspace yet (not shared, or waiting for a manager). */
export async function channelsWithoutCustomerTeam(db: Db): Promise<string[]> {
  const rows = await db.customerChannel.findMany({
    where: { teams: { none: { role: "customer" } } }, orderBy: { id: "asc" }, select: { channelId: true },
  });
  return rows.map((r) => r.channelId);
}

/**
 * A registered channel with its customer's name and the workspaces that are the customer's; null when the channel is
 * not registered. Every customer's click, submission and message reads it first, so it is one statement in raw SQL:
 * the ORM's include ran three (channel, customer, workspaces) and cost about five times the CPU of this one.
 */
export async function channelWithCustomer(db: Db | Tx, channelId: string): Promise<ChannelWithCustomer | null> {
  // The stored language is read as text and kept as the stored value; storedLocale() reads it as a Locale.
  const rows = await db.$queryRaw<Array<{ customerId: number | bigint; locale: string; customerName: string; teamId: string | null }>>`
    SELECT ch."customerId", ch."locale", cu."name" AS "customerName", t."teamId"
    FROM "CustomerChannel" ch
    JOIN "Customer" cu ON cu."id" = ch."customerId"
    LEFT JOIN "ChannelTeam" t ON t."channelId" = ch."channelId" AND t."role" = 'customer'
    WHERE ch."channelId" = ${channelId}
    ORDER BY t."id"`;
  const first = rows[0];
  if (!first) return null;
  return {
    customerId: Number(first.customerId), locale: first.locale, customer: { name: first.customerName },
    teams: rows.flatMap((r) => (r.teamId === null ? [] : [{ teamId: r.teamId }])),
  };
}

export interface ChannelWithCustomer {
  customerId: number;
  /** As stored: "ja" or "en". */
  locale: string;
  customer: { name: string };
  teams: Array<{ teamId: string }>;
}

/** Registered channels with their customer's name, oldest first: the choice a modal opened elsewhere offers. */
export async function registeredChannels(db: Db | Tx, limit: number): Promise<Array<{ channelId: string; customerName: string }>> {
  const rows = await db.customerChannel.findMany({ include: { customer: { select: { name: true } } }, orderBy: { id: "asc" }, take: limit });
  return rows.map((c) => ({ channelId: c.channelId, customerName: c.customer.name }));
}
