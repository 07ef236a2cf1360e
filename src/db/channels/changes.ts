// What a change of a case reads of the channel it happens in. Its own file because opening a case plans its
// reservation from this one read of the channel, its customer and their contracts.
import type { ContractRow, Tx } from "../client.ts";

/**
 * The customer a channel belongs to, with their contracts in the order reservations draw from them; null when the
 * channel is not registered. One raw statement, on the path of every case opened: the ORM's nested select ran three
 * (channel, customer, contracts). The contracts' columns are read as the ORM reads them (test/db/raw-reads.test.ts).
 */
export async function channelToOpenCaseIn(tx: Tx, channelId: string): Promise<{ customerId: number; customer: { contracts: ContractRow[] } } | null> {
  // A channel whose customer has no contract yet is one row of nulls on the contract's side.
  const rows = await tx.$queryRaw<Array<{ channelCustomerId: number } & { [K in keyof ContractRow]: ContractRow[K] | null }>>`
    SELECT ch."customerId" AS "channelCustomerId", k.*
    FROM "CustomerChannel" ch LEFT JOIN "Contract" k ON k."customerId" = ch."customerId"
    WHERE ch."channelId" = ${channelId}
    ORDER BY k."endsOn", k."id"`;
  const first = rows[0];
  if (!first) return null;
  const contracts = rows.flatMap(({ channelCustomerId: _, ...k }) => (k.id === null ? [] : [k as ContractRow]));
  return { customerId: first.channelCustomerId, customer: { contracts } };
}
