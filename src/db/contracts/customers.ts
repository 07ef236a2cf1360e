// Reads and writes of the Customer table: the customer a contract belongs to, found by id or by name, and the
// lists of names that overviews and exports join their rows to. Kept apart from the contract rows and the ledger.
import type { Db, Tx } from "../client.ts";

/** Every customer's id and name, or only one customer's. */
export function customerRefs(db: Db | Tx, filter: { customerId?: number } = {}) {
  return db.customer.findMany({ where: filter.customerId ? { id: filter.customerId } : {}, select: { id: true, name: true } });
}

/** One customer's id and name; null for no such customer. */
export function customerRef(db: Db | Tx, customerId: number) {
  return db.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true } });
}

/** The customer of exactly this name, as a manager typed it. */
export function customerRefNamed(db: Db | Tx, name: string) {
  return db.customer.findUnique({ where: { name }, select: { id: true, name: true } });
}

/** Every customer's id and name in name order, to search by part of a name. */
export function customerRefsByName(db: Db | Tx) {
  return db.customer.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** One customer with its channels in the order they were registered. */
export function customerWithChannels(db: Db | Tx, customerId: number) {
  return db.customer.findUnique({ where: { id: customerId }, include: { channels: { select: { channelId: true }, orderBy: { id: "asc" } } } });
}

/** The customer a registration names, if it was registered before. */
export function customerByName(tx: Tx, name: string) {
  return tx.customer.findUnique({ where: { name } });
}

export function createCustomer(tx: Tx, c: { name: string; contactNote: string | null; at: Date }) {
  return tx.customer.create({ data: { name: c.name, contactNote: c.contactNote, createdAt: c.at } });
}

/** A page of customers in id order after `afterId`, for the full export. */
export function customersAfter(db: Db | Tx, afterId: number, take: number) {
  return db.customer.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}
