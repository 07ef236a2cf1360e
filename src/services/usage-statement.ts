// The usage statement (利用明細) of a customer's contracts: what was bought (purchase, additions, corrections), each
// case with the incidents it consumed, released or still holds and why, and the balance and validity. Customers get
// it for the customer of the channel they ask in, managers for any customer; the caller decides who may ask.
import { caseNumber } from "../domain/case.ts";
import { contractStatus, lapsed, type ContractStatus } from "../domain/contract.ts";
import { statementCases } from "../db/cases/statements.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { customerRef } from "../db/contracts/customers.ts";
import { entriesOfContracts } from "../db/contracts/ledger.ts";
import type { ServiceDeps } from "./deps.ts";

export type CaseOutcome = "resolved" | "closed" | "cancelled" | "declined" | "open";

export interface StatementCase {
  caseId: number;
  number: string;
  title: string;
  level: string;
  outcome: CaseOutcome;
  openedOn: string;
  closedOn: string | null;
  consumed: number;
  released: number;
  reserved: number;
}

export interface StatementCredit { on: string; kind: "purchase" | "addition" | "adjust"; amount: number; note: string | null }

export interface ContractStatement {
  contractId: number;
  startsOn: string;
  endsOn: string;
  status: ContractStatus;
  purchased: number;
  consumed: number;
  reserved: number;
  available: number;
  lapsed: number;
  credits: StatementCredit[];
  cases: StatementCase[];
}

export interface UsageStatement { customerId: number; customerName: string; asOf: string; contracts: ContractStatement[] }

/**
 * The contracts a statement covers: the one asked for, else those in force or bought ahead, else the latest one (a
 * customer whose contract ended still sees how it was used).
 */
function covered<T extends { id: number; startsOn: string; endsOn: string; purchased: number; consumed: number; available: number; reserved: number }>(
  contracts: readonly T[], today: string, contractId?: number,
): T[] {
  if (contractId !== undefined) return contracts.filter((c) => c.id === contractId);
  const current = contracts.filter((c) => { const s = contractStatus(c, today); return s === "active" || s === "upcoming" || s === "exhausted" && c.endsOn >= today; });
  return current.length ? current : contracts.slice(-1);
}

export async function usageStatement(
  deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, input: { customerId: number; contractId?: number },
): Promise<UsageStatement | null> {
  const client = deps.db.client;
  const customer = await customerRef(client, input.customerId);
  if (!customer) return null;
  const today = deps.calendar.localDate(deps.clock.now());
  const contracts = covered(await contractsOf(client, customer.id), today, input.contractId);
  const ids = contracts.map((c) => c.id);
  const entries = await entriesOfContracts(client, ids);
  const caseIds = [...new Set(entries.flatMap((e) => (e.caseId === null ? [] : [e.caseId])))];
  const cases = new Map((await statementCases(client, caseIds, customer.id)).map((c) => [c.id, c]));
  const day = (d: Date) => deps.calendar.localDate(d);
  return {
    customerId: customer.id, customerName: customer.name, asOf: today,
    contracts: contracts.map((k): ContractStatement => {
      const own = entries.filter((e) => e.contractId === k.id);
      const byCase = new Map<number, StatementCase>();
      for (const e of own) {
        const c = e.caseId === null ? undefined : cases.get(e.caseId);
        if (!c) continue;
        let line = byCase.get(c.id);
        if (!line) {
          const outcome: CaseOutcome = c.state === "resolved" || c.state === "closed" || c.state === "cancelled" || c.state === "declined" ? c.state : "open";
          line = { caseId: c.id, number: caseNumber(c.id), title: c.title, level: c.level, outcome, openedOn: day(c.createdAt), closedOn: c.closedAt ? day(c.closedAt) : null, consumed: 0, released: 0, reserved: 0 };
          byCase.set(c.id, line);
        }
        if (e.kind === "reserve") line.reserved += e.amount;
        if (e.kind === "consume") { line.consumed += e.amount; line.reserved -= e.amount; }
        if (e.kind === "release") { line.released += e.amount; line.reserved -= e.amount; }
      }
      return {
        contractId: k.id, startsOn: k.startsOn, endsOn: k.endsOn, status: contractStatus(k, today),
        purchased: k.purchased, consumed: k.consumed, reserved: k.reserved, available: k.available, lapsed: lapsed(k, today),
        credits: own.flatMap((e) => (e.kind === "purchase" || e.kind === "addition" || e.kind === "adjust"
          ? [{ on: day(e.createdAt), kind: e.kind, amount: e.amount, note: e.reason }] : [])),
        cases: [...byCase.values()],
      };
    }),
  };
}
