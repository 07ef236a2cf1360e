// What the delivery of a renewal question reads of its contract: the customer's answer as it is when the message
// is rendered. Its own file: the outbox delivery's reads stay apart from the contract use cases' writes.
import type { Db, Tx } from "../client.ts";

/** The answer given to the contract's renewal notice, by whom and when; null for no such contract. */
export function renewalAnswerOf(db: Db | Tx, contractId: number) {
  return db.contract.findUnique({ where: { id: contractId }, select: { renewalAnswer: true, renewalAnsweredBy: true, renewalAnsweredAt: true } });
}
