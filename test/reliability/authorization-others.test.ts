// The role × action matrix (R-ROLE), part two: managers' contracts, balances and exports, the commands, the message
// shortcut, thread messages and App Home. Every control tried by the six kinds of people, as in part one. The last
// test fails when the app listens to an id that no row of the matrix covers: a new control is one new row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.ts";
import { CONTROLS, startWorld, tryAs } from "./authorization-controls.ts";
import { PEOPLE } from "./authorization-kit.ts";
import { probeListeners } from "./listening.ts";

let h: Harness;
beforeAll(async () => {
  h = await startWorld();
});
afterAll(async () => {
  await h?.close();
});

describe("who may do what with contracts, commands, messages and App Home (R-ROLE, R-CON-5)", () => {
  for (const control of CONTROLS.filter((c) => c.group === "others")) {
    describe(control.name, () => {
      for (const p of PEOPLE) {
        it(`${p.who}: ${control.allowed.includes(p.who) ? "does it" : "is refused, told why, and nothing changes"}`, () => tryAs(control, p));
      }
    });
  }

  it("covers every control the app listens to", async () => {
    const listening = await probeListeners(h);
    const covered = new Set(CONTROLS.flatMap((c) => c.ids));
    const missing = [...listening.actions, ...listening.views, ...listening.commands, ...listening.shortcuts].filter((id) => !covered.has(id));
    expect(missing, "add a row to CONTROLS for each").toEqual([]);
  });
});
