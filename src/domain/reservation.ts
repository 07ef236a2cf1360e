// Where a case's incidents come from (R-CON-6, R-INC-6). A customer may hold overlapping contracts (a renewal
// bought early); a reservation draws from the contracts in force, the one that ends first first, so incidents about
// to lapse are used before newer ones, and it may take part from one and the rest from the next: what the customer
// paid for is usable whichever contract it sits on. Pure: the caller passes the contracts as read and today's date.
import { isInForce, type ContractTerms } from "./contract.ts";

/** Incidents of one case on one contract. */
export type Part = { contractId: number; incidents: number };

function endsFirst<T extends { id: number; endsOn: string }>(a: T, b: T): number {
  return a.endsOn === b.endsOn ? a.id - b.id : a.endsOn < b.endsOn ? -1 : 1;
}

/** The parts that take `incidents` from what each contract in force has available, ends-first; null if short. */
export function planDraw(contracts: readonly ContractTerms[], today: string, incidents: number): Part[] | null {
  const parts: Part[] = [];
  let remaining = incidents;
  for (const contract of contracts.filter((c) => isInForce(c, today) && c.available > 0).sort(endsFirst)) {
    if (remaining === 0) break;
    const take = Math.min(contract.available, remaining);
    parts.push({ contractId: contract.id, incidents: take });
    remaining -= take;
  }
  return remaining === 0 ? parts : null;
}

/**
 * Which of a case's parts to give back when it needs `incidents` fewer (a level lowered): from the contract that
 * ends last first, so the incidents the case keeps are the ones that would lapse soonest. Null if it holds fewer.
 */
export function planRelease(held: readonly (Part & { endsOn: string })[], incidents: number): Part[] | null {
  const parts: Part[] = [];
  let remaining = incidents;
  const latestFirst = held.filter((p) => p.incidents > 0).map((p) => ({ ...p, id: p.contractId })).sort((a, b) => endsFirst(b, a));
  for (const part of latestFirst) {
    if (remaining === 0) break;
    const give = Math.min(part.incidents, remaining);
    parts.push({ contractId: part.contractId, incidents: give });
    remaining -= give;
  }
  return remaining === 0 ? parts : null;
}

/** Parts added together per contract (a case that draws twice from one contract holds one part there). */
export function mergeParts(parts: readonly Part[]): Part[] {
  const byContract = new Map<number, number>();
  for (const p of parts) byContract.set(p.contractId, (byContract.get(p.contractId) ?? 0) + p.incidents);
  return [...byContract].map(([contractId, incidents]) => ({ contractId, incidents }));
}
