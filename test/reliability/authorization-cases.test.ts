// The role × action matrix (R-ROLE), part one: customers' entry points and the work on cases. Every control tried by
// a customer of the channel, a customer of another channel, T4U staff who are not engineers, an engineer, a
// manager, and an engineer taken out of the engineers' user group while the app runs. Who may, does; who may not is told why and changes nothing, posts nothing, opens nothing; customers
// never see another customer's name, cases or balance. The rows are in authorization-controls.ts.
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Harness } from "../support/harness.ts";
import { CONTROLS, startWorld, tryAs } from "./authorization-controls.ts";
import { PEOPLE } from "./authorization-kit.ts";

let h: Harness;
beforeAll(async () => {
  h = await startWorld();
});
afterAll(async () => {
  await h?.close();
});

describe("who may do what on cases (R-ROLE, R-INC-5, R-INC-6)", () => {
  for (const control of CONTROLS.filter((c) => c.group === "cases")) {
    describe(control.name, () => {
      for (const p of PEOPLE) {
        it(`${p.who}: ${control.allowed.includes(p.who) ? "does it" : "is refused, told why, and nothing changes"}`, () => tryAs(control, p));
      }
    });
  }
});
