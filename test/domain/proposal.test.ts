// Raising or lowering the incidents a case will consume (R-INC-2, R-INC-3, R-INC-5): what a split or level A costs,
// what lowering gives back, and how a proposal's kind is stored.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incidentsFor } from "../../src/domain/ledger.ts";
import {
  levelACost, lowerCost, MAX_SPLIT_PARTS, MIN_SPLIT_PARTS, proposalKindOf, storedProposalKind, splitCost, splitProblem,
  type PlannedCase, type ProposalKind,
} from "../../src/domain/proposal.ts";

const normal: PlannedCase = { level: "normal", incidents: 1 };
const levelA: PlannedCase = { level: "A", incidents: 3 };
const planned = fc.constantFrom(normal, levelA);
const parts = fc.integer({ min: MIN_SPLIT_PARTS, max: MAX_SPLIT_PARTS });

describe("splitCost", () => {
  it("keeps the original case's incidents as part 1 and adds one normal incident per other part (R-INC-3)", () => {
    expect(splitCost(normal, 2)).toEqual({ before: 1, after: 2, extra: 1 });
    expect(splitCost(normal, 3)).toEqual({ before: 1, after: 3, extra: 2 });
    expect(splitCost(levelA, 2)).toEqual({ before: 3, after: 4, extra: 1 });
  });

  it("always raises the count by as many incidents as new cases it makes, so the customer is asked (R-INC-5)", () => {
    fc.assert(fc.property(planned, parts, (current, n) => {
      const cost = splitCost(current, n);
      expect(cost.before).toBe(current.incidents);
      expect(cost.extra).toBe((n - 1) * incidentsFor("normal"));
      expect(cost.after).toBe(cost.before + cost.extra);
      expect(cost.extra).toBeGreaterThan(0);
    }));
  });
});

describe("splitProblem", () => {
  it("accepts 2 to 10 parts and names what is wrong otherwise", () => {
    expect(splitProblem(1)).toBe("too_few_parts");
    expect(splitProblem(11)).toBe("too_many_parts");
    fc.assert(fc.property(parts, (n) => {
      expect(splitProblem(n)).toBeNull();
    }));
    fc.assert(fc.property(fc.integer({ min: -5, max: 30 }), (n) => {
      expect(splitProblem(n) === null).toBe(n >= MIN_SPLIT_PARTS && n <= MAX_SPLIT_PARTS);
    }));
  });
});

describe("levelACost and lowerCost", () => {
  it("raises a normal case to the 3 incidents of level A, and a level A case cannot be raised again (R-INC-2)", () => {
    expect(levelACost(normal)).toEqual({ before: 1, after: 3, extra: 2 });
    expect(levelACost(levelA)).toBe("already_level_a");
  });

  it("gives back the difference when level A is lowered to normal, without asking (R-INC-5)", () => {
    expect(lowerCost(levelA)).toEqual({ before: 3, after: 1, release: 2 });
    expect(lowerCost(normal)).toBe("not_level_a");
  });

  it("lowering undoes raising", () => {
    const raised = levelACost(normal);
    if (raised === "already_level_a") throw new Error("a normal case can be raised");
    const lowered = lowerCost({ level: "A", incidents: raised.after });
    if (lowered === "not_level_a") throw new Error("a level A case can be lowered");
    expect(lowered.release).toBe(raised.extra);
    expect(lowered.after).toBe(raised.before);
  });
});

describe("a proposal's kind", () => {
  it("is stored as its two columns and read back unchanged", () => {
    const kinds: ProposalKind[] = [{ kind: "split" }, { kind: "level_a", levelReason: "reproduction" }, { kind: "level_a", levelReason: "report" }];
    for (const kind of kinds) expect(proposalKindOf(storedProposalKind(kind))).toEqual(kind);
    expect(storedProposalKind({ kind: "level_a", levelReason: "report" })).toEqual({ kind: "level_a", levelReason: "report" });
    expect(storedProposalKind({ kind: "split" })).toEqual({ kind: "split", levelReason: null });
  });

  it("is null for a level A proposal stored without its reason", () => {
    expect(proposalKindOf({ kind: "level_a", levelReason: null })).toBeNull();
  });
});
