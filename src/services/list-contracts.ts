// Every contract, or one customer's (or just one), with its status today: what `contract list` prints and what
// the contract modals say before a change.
import { contractStatus, lapsed, type ContractStatus } from "../domain/contract.ts";
import { contractList } from "../db/contracts/contract-rows.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ContractRow {
  id: number;
  customerId: number;
  customerName: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  status: ContractStatus;
  purchased: number;
  consumed: number;
  reserved: number;
  available: number;
  lapsed: number;
}

export async function listContracts(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, filter: { customerId?: number; contractId?: number } = {}): Promise<ContractRow[]> {
  const today = deps.calendar.localDate(deps.clock.now());
  const rows = await contractList(deps.db.client, filter);
  return rows.map((c) => ({
    id: c.id, customerId: c.customerId, customerName: c.customer.name, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn,
    status: contractStatus(c, today), purchased: c.purchased, consumed: c.consumed, reserved: c.reserved, available: c.available,
    lapsed: lapsed(c, today),
  }));
}
