// Where a case's incidents come from (R-CON-6): ends-first across the contracts in force, and given back from the
// one that ends last first.
import { describe, expect, it } from "vitest";
import type { ContractTerms } from "../../src/domain/contract.ts";
import { mergeParts, planDraw, planRelease } from "../../src/domain/reservation.ts";

const contract = (id: number, endsOn: string, available: number, extra: Partial<ContractTerms> = {}): ContractTerms =>
  ({ id, startsOn: "2026-04-01", endsOn, purchased: 10, available, reserved: 0, consumed: 10 - available, ...extra });

describe("planDraw", () => {
  const old = contract(1, "2027-01-04", 2);
  const renewal = contract(2, "2027-03-31", 1);

  it("takes what the contract ending first has, then the next", () => {
    expect(planDraw([renewal, old], "2026-11-24", 3)).toEqual([{ contractId: 1, incidents: 2 }, { contractId: 2, incidents: 1 }]);
    expect(planDraw([renewal, old], "2026-11-24", 1)).toEqual([{ contractId: 1, incidents: 1 }]);
  });

  it("is null when the contracts in force hold fewer together, and skips those not in force", () => {
    expect(planDraw([renewal, old], "2026-11-24", 4)).toBeNull();
    expect(planDraw([renewal, old], "2027-01-05", 2)).toBeNull();
    expect(planDraw([renewal, old], "2027-01-05", 1)).toEqual([{ contractId: 2, incidents: 1 }]);
    const upcoming = contract(3, "2028-03-31", 5, { startsOn: "2027-04-01" });
    expect(planDraw([upcoming, old], "2026-11-24", 3)).toBeNull();
  });

  it("breaks a tie of end dates by the older contract", () => {
    expect(planDraw([contract(5, "2027-01-04", 3), contract(4, "2027-01-04", 3)], "2026-11-24", 3)).toEqual([{ contractId: 4, incidents: 3 }]);
  });
});

describe("planRelease", () => {
  const held = [{ contractId: 1, incidents: 2, endsOn: "2027-01-04" }, { contractId: 2, incidents: 1, endsOn: "2027-03-31" }];

  it("gives back from the contract that ends last first", () => {
    expect(planRelease(held, 2)).toEqual([{ contractId: 2, incidents: 1 }, { contractId: 1, incidents: 1 }]);
    expect(planRelease(held, 1)).toEqual([{ contractId: 2, incidents: 1 }]);
  });

  it("is null when the case holds fewer", () => {
    expect(planRelease(held, 4)).toBeNull();
  });
});

it("mergeParts adds parts on one contract together", () => {
  expect(mergeParts([{ contractId: 1, incidents: 1 }, { contractId: 2, incidents: 1 }, { contractId: 1, incidents: 2 }]))
    .toEqual([{ contractId: 1, incidents: 3 }, { contractId: 2, incidents: 1 }]);
});
