// What a change of a case reads of the channel it happens in. Its own file because opening a case plans its
// reservation from this one read of the channel, its customer and their contracts.
import type { Tx } from "../client.ts";

/** The customer a channel belongs to, with their contracts in the order reservations draw from them. */
export function channelToOpenCaseIn(tx: Tx, channelId: string) {
  return tx.customerChannel.findUnique({
    where: { channelId },
    select: { customerId: true, customer: { select: { contracts: { orderBy: [{ endsOn: "asc" }, { id: "asc" }] } } } },
  });
}
