// For any sequence of purchases, additions, reservations, consumptions, releases, expiries (time passing) and
// adjustments: no balance goes below zero and the totals reconcile — the fold of the ledger equals the counters
// kept beside it. Checked on the pure rules, then through the real services and database against the same model.
// Rules: R-CON-2, R-CON-3, R-CON-6, R-CON-7, R-INC-6, R-LIFE-4.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsAddition, addDays, isInForce, type ContractTerms } from "../../src/domain/contract.ts";
import { planDraw } from "../../src/domain/reservation.ts";
import { applyEntry, EMPTY, fold, incidentsFor, LedgerError, type Counters, type LedgerKind } from "../../src/domain/ledger.ts";
import { addIncidents } from "../../src/services/add-incidents.ts";
import { adjustBalance } from "../../src/services/adjust-balance.ts";
import { cancelCase } from "../../src/services/cancel-case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { renewContract } from "../../src/services/renew-contract.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { createWorld, customerOpensCase, ENGINEER, expectReconciled, MANAGER, tokyo, type World } from "../services/contract-world.ts";

type Op =
  | { kind: "purchase"; incidents: number; startIn: number; days: number }
  | { kind: "addition"; contract: number; incidents: number }
  | { kind: "reserve"; level: "normal" | "A" }
  | { kind: "consume" | "release"; case: number }
  | { kind: "expire"; days: number }
  | { kind: "adjust"; contract: number; amount: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  // Renewals bought early are common, so that reservations often have overlapping contracts to choose from.
  { arbitrary: fc.record({ kind: fc.constant("purchase" as const), incidents: fc.integer({ min: 1, max: 8 }), startIn: fc.integer({ min: 0, max: 10 }), days: fc.integer({ min: 0, max: 400 }) }), weight: 2 },
  fc.record({ kind: fc.constant("addition" as const), contract: fc.nat(9), incidents: fc.integer({ min: 1, max: 5 }) }),
  { arbitrary: fc.record({ kind: fc.constant("reserve" as const), level: fc.constantFrom("normal" as const, "A" as const) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom("consume" as const, "release" as const), case: fc.nat(19) }), weight: 3 },
  fc.record({ kind: fc.constant("expire" as const), days: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("adjust" as const), contract: fc.nat(9), amount: fc.integer({ min: -6, max: 6 }).filter((n) => n !== 0) }),
);
const firstPurchase = fc.record({ kind: fc.constant("purchase" as const), incidents: fc.integer({ min: 1, max: 8 }), startIn: fc.constant(0), days: fc.integer({ min: 30, max: 400 }) });
const scenario = fc.tuple(firstPurchase, fc.array(op, { maxLength: 30 })).map(([first, rest]): Op[] => [first, ...rest]);

interface ModelContract extends ContractTerms { ledger: Array<{ kind: LedgerKind; amount: number }> }
/** A case's incidents, part by part: indexes into the model's contracts (R-CON-6: a case may span contracts). */
interface ModelCase { parts: Array<{ contract: number; incidents: number }>; open: boolean }

/** The rules alone: what every service is expected to do, step by step. */
class Model {
  contracts: ModelContract[] = [];
  cases: ModelCase[] = [];
  constructor(public today: string) {}

  private move(c: ModelContract, kind: LedgerKind, amount: number): boolean {
    const next = applyEntry(c, kind, amount);
    if (next instanceof LedgerError) return false;
    Object.assign(c, next);
    c.ledger.push({ kind, amount });
    return true;
  }

  /** Returns the index of the contract or case touched, or null when the rules refuse the step. */
  apply(o: Op): number | null {
    switch (o.kind) {
      case "purchase": {
        const startsOn = addDays(this.today, o.startIn);
        const c: ModelContract = { id: this.contracts.length + 1, startsOn, endsOn: addDays(startsOn, o.days), ...EMPTY, ledger: [] };
        this.contracts.push(c);
        this.move(c, "purchase", o.incidents);
        return this.contracts.length - 1;
      }
      case "addition": {
        const c = this.contracts[o.contract % this.contracts.length];
        return c && acceptsAddition(c, this.today) && this.move(c, "addition", o.incidents) ? this.contracts.indexOf(c) : null;
      }
      case "adjust": {
        const c = this.contracts[o.contract % this.contracts.length];
        return c && this.move(c, "adjust", o.amount) ? this.contracts.indexOf(c) : null;
      }
      case "reserve": {
        const plan = planDraw(this.contracts, this.today, incidentsFor(o.level));
        if (!plan) return null;
        const parts = plan.map((p) => ({ contract: this.contracts.findIndex((c) => c.id === p.contractId), incidents: p.incidents }));
        for (const part of parts) expect(this.move(this.contracts[part.contract]!, "reserve", part.incidents)).toBe(true);
        this.cases.push({ parts, open: true });
        return this.cases.length - 1;
      }
      case "consume":
      case "release": {
        const open = this.cases.filter((k) => k.open);
        const k = open[o.case % Math.max(open.length, 1)];
        if (!k) return null;
        // Each part settles against its own contract, even after the contract's end (R-LIFE-4).
        for (const part of k.parts) expect(this.move(this.contracts[part.contract]!, o.kind, part.incidents)).toBe(true);
        k.open = false;
        return this.cases.indexOf(k);
      }
      case "expire":
        this.today = addDays(this.today, o.days);
        return null;
    }
  }

  check(): void {
    for (const c of this.contracts) {
      const counters: Counters = { purchased: c.purchased, available: c.available, reserved: c.reserved, consumed: c.consumed };
      for (const value of Object.values(counters)) expect(value).toBeGreaterThanOrEqual(0);
      expect(c.purchased).toBe(c.available + c.reserved + c.consumed);
      expect(fold(c.ledger)).toEqual(counters);
      const openReserved = this.cases.filter((k) => k.open).flatMap((k) => k.parts).filter((p) => this.contracts[p.contract] === c).reduce((n, p) => n + p.incidents, 0);
      expect(c.reserved).toBe(openReserved);
    }
  }
}

describe("the ledger's rules alone", () => {
  it("never lets a balance go below zero and always conserves what was bought, whatever entries are tried", () => {
    const kinds: LedgerKind[] = ["purchase", "addition", "reserve", "consume", "release", "adjust"];
    fc.assert(fc.property(fc.array(fc.record({ kind: fc.constantFrom(...kinds), amount: fc.integer({ min: -20, max: 20 }) }), { maxLength: 60 }), (tries) => {
      let c: Counters = EMPTY;
      const accepted: Array<{ kind: LedgerKind; amount: number }> = [];
      for (const t of tries) {
        const next = applyEntry(c, t.kind, t.amount);
        if (next instanceof LedgerError) continue;
        c = next;
        accepted.push(t);
        expect(Math.min(c.purchased, c.available, c.reserved, c.consumed)).toBeGreaterThanOrEqual(0);
        expect(c.purchased).toBe(c.available + c.reserved + c.consumed);
      }
      expect(fold(accepted)).toEqual(c);
    }), { numRuns: 500 });
  });

  it("reconciles contracts, cases and time: reservations only from contracts in force, the one ending first first", () => {
    fc.assert(fc.property(scenario, (ops) => {
      const model = new Model("2026-04-01");
      for (const o of ops) {
        const before = model.today;
        const touched = model.apply(o);
        if (o.kind === "reserve" && touched !== null) {
          for (const part of model.cases[touched]!.parts) expect(isInForce(model.contracts[part.contract]!, before)).toBe(true);
        }
        model.check();
      }
    }), { numRuns: 300 });
  });
});

describe("the ledger through the services and the database", () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  let run = 0;
  it("matches the model step by step and reconciles: the fold of each contract's ledger equals its stored counters", async () => {
    await fc.assert(fc.asyncProperty(scenario, async (ops) => {
      run += 1;
      w.clock.set(tokyo("2026-04-01 10:00"));
      const model = new Model("2026-04-01");
      const channelId = `C0PROP${String(run).padStart(4, "0")}`;
      const contractIds: number[] = [];
      const caseIds: number[] = [];
      let customerId = 0;
      for (const o of ops) {
        const expected = model.apply(o);
        switch (o.kind) {
          case "purchase": {
            const c = model.contracts[expected!]!;
            const terms = { incidents: o.incidents, startsOn: c.startsOn, endsOn: c.endsOn, actorId: MANAGER };
            const result = customerId === 0
              ? await registerContract(w.deps, { ...terms, customerName: `性質テスト ${run}`, channelIds: [channelId] })
              : await renewContract(w.deps, { ...terms, customerId });
            if (!result.ok) throw new Error(JSON.stringify(result));
            if ("customerId" in result) customerId = result.customerId;
            contractIds.push(result.contractId);
            break;
          }
          case "addition":
          case "adjust": {
            const index = o.contract % contractIds.length;
            const contractId = contractIds[index]!;
            const result = o.kind === "addition"
              ? await addIncidents(w.deps, { contractId, incidents: o.incidents, actorId: MANAGER })
              : await adjustBalance(w.deps, { contractId, amount: o.amount, reason: "性質テスト", actorId: MANAGER });
            expect(result.ok).toBe(expected !== null);
            break;
          }
          case "reserve": {
            const result = await customerOpensCase(w, channelId, o.level);
            expect(result.ok).toBe(expected !== null);
            if (result.ok) {
              caseIds.push(result.caseId);
              const held = await w.database.db.client.caseReservation.findMany({ where: { caseId: result.caseId }, orderBy: { contractId: "asc" } });
              const planned = model.cases[expected!]!.parts.map((p) => ({ contractId: contractIds[p.contract], incidents: p.incidents }));
              expect(held.map((r) => ({ contractId: r.contractId, incidents: r.incidents }))).toEqual(planned.sort((a, b) => a.contractId! - b.contractId!));
            }
            break;
          }
          case "consume":
          case "release": {
            if (expected === null) break;
            const caseId = caseIds[expected]!;
            const result = o.kind === "consume"
              ? await resolveCase(w.deps, { caseId, actorId: ENGINEER })
              : await cancelCase(w.deps, { caseId, actorId: ENGINEER, note: "製品の不具合" });
            expect(result.ok).toBe(true);
            break;
          }
          case "expire":
            w.clock.advance(o.days * 86_400_000);
            break;
        }
      }
      const stored = await w.database.db.client.contract.findMany({ where: { id: { in: contractIds } }, orderBy: { id: "asc" } });
      expect(stored.map((c) => ({ purchased: c.purchased, available: c.available, reserved: c.reserved, consumed: c.consumed })))
        .toEqual(model.contracts.map((c) => ({ purchased: c.purchased, available: c.available, reserved: c.reserved, consumed: c.consumed })));
      await expectReconciled(w);
      const anonymous = await w.database.db.client.ledgerEntry.count({ where: { customerId, actorId: "" } });
      expect(anonymous).toBe(0);
    }), { numRuns: 25 });
  }, 120_000);
});
