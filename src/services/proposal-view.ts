// What a proposal message shows, read in one place so its first posting and every re-rendering agree. The
// cost is derived from the proposal alone, so a message re-rendered after approval still shows what was asked.
import { approversOf } from "../db/channels/teams.ts";
import { channelLocale } from "../db/channels/tenancy.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { proposalWithCase } from "../db/cases/proposals.ts";
import { caseNumber } from "../domain/case.ts";
import { summarize } from "../domain/contract.ts";
import { incidentsFor } from "../domain/ledger.ts";
import { proposalKindOf, type ProposalKind, type ProposalState } from "../domain/proposal.ts";
import type { ServiceDeps } from "./deps.ts";
import { storedLocale } from "../domain/locale.ts";

export interface ProposalView {
  id: number;
  caseId: number;
  number: string;
  channelId: string;
  rootTs: string | null;
  locale: "ja" | "en";
  kind: ProposalKind;
  reason: string;
  /** Titles of the parts of a split, part 1 first. */
  parts: string[];
  before: number;
  after: number;
  state: ProposalState;
  proposedBy: string;
  decidedBy: string | null;
  /** Available incidents now, so the customer sees what approving leaves. */
  available: number;
  /** The customer people a manager named as the only ones who may answer; empty: anyone of the customer. */
  approvers: string[];
}

function partsOf(parts: unknown): string[] {
  return Array.isArray(parts) ? parts.filter((v): v is string => typeof v === "string") : [];
}

export async function loadProposalView(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, proposalId: number): Promise<ProposalView | null> {
  const p = await proposalWithCase(deps.db.client, proposalId);
  const kind = p ? proposalKindOf(p) : null;
  if (!p || !kind) return null;
  const locale = await channelLocale(deps.db.client, p.case.channelId);
  const parts = partsOf(p.parts);
  const extra = kind.kind === "level_a" ? incidentsFor("A") - incidentsFor("normal") : Math.max(0, parts.length - 1) * incidentsFor("normal");
  const today = deps.calendar.localDate(deps.clock.now());
  return {
    id: p.id, caseId: p.caseId, number: caseNumber(p.caseId), channelId: p.case.channelId, rootTs: p.case.rootTs,
    locale: storedLocale(locale), kind, reason: p.reason, parts,
    before: p.incidents - extra, after: p.incidents, state: p.state,
    proposedBy: p.proposedBy, decidedBy: p.decidedBy,
    available: summarize(await contractsOf(deps.db.client, p.case.customerId), today).available,
    approvers: await approversOf(deps.db.client, p.case.channelId),
  };
}
