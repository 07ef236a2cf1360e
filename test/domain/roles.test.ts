// Who may do what (R-ROLE), on the domain's own terms: the roles a person has in a place, and what each role may do.
// Every listener asks `can` on the server; these tests pin the table it answers from.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, rolesOf, type ChannelCustomer, type Permission, type Role, type RoleDirectory } from "../../src/domain/roles.ts";

const HOME = "T0HOME";
const CUSTOMER_TEAM = "T0CUST";
const OTHER_TEAM = "T0OTHER";
const directory: RoleDirectory = { homeTeamId: HOME, engineers: new Set(["U0ENG"]), managers: new Set(["U0MGR"]) };
const channel: ChannelCustomer = { customerId: 1, customerTeamIds: [CUSTOMER_TEAM] };

const PERMISSIONS: readonly Permission[] = [
  "case.open", "case.reply", "case.work", "contracts.manage", "balance.own", "balance.all", "report.review",
];
const ROLES: readonly Role[] = ["engineer", "manager", "customer", "internal", "outsider"];

/** Each role alone, and the permissions R-ROLE gives it. */
const EXPECTED: Record<Role, readonly Permission[]> = {
  customer: ["case.open", "case.reply", "balance.own"],
  engineer: ["case.open", "case.work", "balance.own", "report.review"],
  manager: ["case.open", "contracts.manage", "balance.own", "balance.all", "report.review"],
  internal: [],
  outsider: [],
};

describe("can", () => {
  it("grants each role what R-ROLE gives it and nothing else", () => {
    for (const role of ROLES) {
      const granted = PERMISSIONS.filter((p) => can(new Set([role]), p));
      expect(granted, role).toEqual(EXPECTED[role]);
    }
  });

  it("grants a person with several roles what any of them may do", () => {
    fc.assert(fc.property(fc.subarray([...ROLES]), fc.constantFrom(...PERMISSIONS), (roles, permission) => {
      expect(can(new Set(roles), permission)).toBe(roles.some((r) => EXPECTED[r].includes(permission)));
    }));
  });
});

describe("rolesOf", () => {
  it("knows T4U's staff by their user id and the home workspace", () => {
    expect(rolesOf({ userId: "U0ENG", teamId: HOME }, directory, channel)).toEqual(new Set(["engineer", "internal"]));
    expect(rolesOf({ userId: "U0MGR", teamId: HOME }, directory)).toEqual(new Set(["manager", "internal"]));
    expect(rolesOf({ userId: "U0STAFF", teamId: HOME }, directory, channel)).toEqual(new Set(["internal"]));
  });

  it("makes someone a customer only in a channel registered to their own workspace", () => {
    expect(rolesOf({ userId: "U0CUST", teamId: CUSTOMER_TEAM }, directory, channel)).toEqual(new Set(["customer"]));
    // A third organisation in the same shared channel, or a channel with no customer yet: an outsider.
    expect(rolesOf({ userId: "U0X", teamId: OTHER_TEAM }, directory, channel)).toEqual(new Set(["outsider"]));
    expect(rolesOf({ userId: "U0CUST", teamId: CUSTOMER_TEAM }, directory)).toEqual(new Set(["outsider"]));
    expect(rolesOf({ userId: "U0CUST", teamId: undefined }, directory, channel)).toEqual(new Set(["outsider"]));
  });

  it("never lets a person outside T4U work on cases or see other customers' balances", () => {
    const outsideTeam = fc.constantFrom(CUSTOMER_TEAM, OTHER_TEAM, undefined);
    const userId = fc.constantFrom("U0CUST", "U0X", "U0STAFF");
    fc.assert(fc.property(userId, outsideTeam, fc.boolean(), (user, team, inChannel) => {
      const roles = rolesOf({ userId: user, teamId: team }, directory, inChannel ? channel : undefined);
      expect(roles.has("internal")).toBe(false);
      for (const permission of ["case.work", "contracts.manage", "balance.all", "report.review"] as const) {
        expect(can(roles, permission)).toBe(false);
      }
      // Exactly one of the two outside roles.
      expect(roles.has("customer")).not.toBe(roles.has("outsider"));
    }));
  });
});
