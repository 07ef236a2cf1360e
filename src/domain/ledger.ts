// The incident ledger (R-CON-7): every change of a balance is an append-only entry. A contract's counters are a
// fold of its entries; `applyEntry` is that fold, used to check that stored counters reconcile with the ledger.

export const LEDGER_KINDS = ["purchase", "addition", "reserve", "consume", "release", "adjust"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A stored entry's kind, as the ledger knows it. */
export function isLedgerKind(value: string): value is LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(value);
}

export interface Counters { purchased: number; available: number; reserved: number; consumed: number }

export const EMPTY: Counters = { purchased: 0, available: 0, reserved: 0, consumed: 0 };

export class LedgerError extends Error {}

/**
 * The effect of one entry on a contract's counters, or an error when it would take a balance below zero.
 * purchase/addition: bought incidents become available. reserve: available → reserved. consume: reserved →
 * consumed. release: reserved → available. adjust: a signed correction of what was bought (with a reason).
 */
export function applyEntry(c: Counters, kind: LedgerKind, amount: number): Counters | LedgerError {
  if (!Number.isInteger(amount)) return new LedgerError("amount must be a whole number");
  if (kind !== "adjust" && amount <= 0) return new LedgerError("amount must be positive");
  switch (kind) {
    case "purchase":
    case "addition":
      return { ...c, purchased: c.purchased + amount, available: c.available + amount };
    case "reserve":
      if (c.available < amount) return new LedgerError("not enough available incidents");
      return { ...c, available: c.available - amount, reserved: c.reserved + amount };
    case "consume":
      if (c.reserved < amount) return new LedgerError("not enough reserved incidents");
      return { ...c, reserved: c.reserved - amount, consumed: c.consumed + amount };
    case "release":
      if (c.reserved < amount) return new LedgerError("not enough reserved incidents");
      return { ...c, reserved: c.reserved - amount, available: c.available + amount };
    case "adjust":
      if (amount === 0) return new LedgerError("an adjustment cannot be zero");
      if (c.available + amount < 0) return new LedgerError("an adjustment cannot take the available balance below zero");
      return { ...c, purchased: c.purchased + amount, available: c.available + amount };
  }
}

export function fold(entries: Iterable<{ kind: string; amount: number }>): Counters | LedgerError {
  let c = EMPTY;
  for (const e of entries) {
    if (!isLedgerKind(e.kind)) return new LedgerError(`unknown kind of entry: ${e.kind}`);
    const next = applyEntry(c, e.kind, e.amount);
    if (next instanceof LedgerError) return next;
    c = next;
  }
  return c;
}

/** Incidents a case reserves: 1 for a normal case, 3 for level A (R-INC-2). */
export function incidentsFor(level: "normal" | "A"): number {
  return level === "A" ? 3 : 1;
}
