// Finding a customer by what a manager types: an exact name wins; otherwise every name that contains the text.
import { customerRefNamed, customerRefsByName } from "../db/contracts/customers.ts";
import type { ServiceDeps } from "./deps.ts";

export interface CustomerRef { id: number; name: string }

export async function findCustomers(deps: Pick<ServiceDeps, "db">, query: string, limit = 20): Promise<CustomerRef[]> {
  const text = query.trim();
  if (!text) return [];
  const exact = await customerRefNamed(deps.db.client, text);
  if (exact) return [exact];
  // Case-insensitive containment done here rather than in SQL: the two databases disagree on LIKE and case.
  const needle = text.normalize("NFKC").toLowerCase();
  const all = await customerRefsByName(deps.db.client);
  return all.filter((c) => c.name.normalize("NFKC").toLowerCase().includes(needle)).slice(0, limit);
}
