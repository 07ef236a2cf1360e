// Contract dates out of any sane range (1026 for 2026, a confirmation years ahead, a period of centuries) are
// refused in the managers' modals with an inline error on the date concerned, and nothing is written (R-CON-2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
let customerId: number;
beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  ({ customerId } = await h.registerCustomer({ name: "株式会社サンプル", incidents: 10, confirmedOn: "2026-04-01" }));
});
afterAll(async () => {
  await h?.close();
});

const date = (input: { block: string; action: string }, value: string) => ({ [input.block]: { [input.action]: value } });

const openModals = (callbackId: string) => h.slack.views().filter((v) => v.open && v.user_id === MANAGER && v.callback_id === callbackId);

/** Opens a manager's modal by `act` and waits until Slack shows it. */
async function opened(callbackId: string, act: () => Promise<unknown>) {
  const before = openModals(callbackId).length;
  await act();
  const deadline = Date.now() + 10_000;
  while (openModals(callbackId).length <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const view = openModals(callbackId).at(-1);
  if (!view || openModals(callbackId).length <= before) throw new Error(`no ${callbackId} modal opened`);
  return view;
}

const registration = (dates: Record<string, Record<string, unknown>>) => ({
  [Inputs.customerName.block]: { [Inputs.customerName.action]: "株式会社日付" },
  [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: ["C0DATES1"] },
  [Inputs.incidents.block]: { [Inputs.incidents.action]: "12" },
  [Inputs.channelLocale.block]: { [Inputs.channelLocale.action]: "ja" },
  ...dates,
});

function errorsOf(response: { json: unknown; slackWouldReject?: unknown }): Record<string, string> {
  expect(response.slackWouldReject).toBeUndefined();
  const json = response.json as { response_action?: string; errors?: Record<string, string> } | null;
  expect(json?.response_action).toBe("errors");
  return json?.errors ?? {};
}

const contracts = () => h.database.db.client.contract.findMany({ orderBy: { id: "asc" } });

describe("the registration modal", () => {
  beforeAll(async () => {
    await opened(Views.registerContract, () => h.driver.slashCommand({ command: Commands.balance, text: "register", userId: MANAGER, channelId: "C0MGRS" }));
  });

  it.each([
    ["a confirmation date a thousand years off", date(Inputs.confirmedOn, "1026-04-01"), Inputs.confirmedOn.block, "2000-01-01 以降の日付"],
    ["a confirmation date before 2000", date(Inputs.confirmedOn, "1999-12-31"), Inputs.confirmedOn.block, "2000-01-01 以降の日付"],
    ["a confirmation date more than a year ahead", date(Inputs.confirmedOn, "2027-11-25"), Inputs.confirmedOn.block, "今日から1年以内（2027-11-24 まで）"],
    ["a start more than a year ahead", date(Inputs.startsOn, "2028-04-01"), Inputs.startsOn.block, "今日から1年以内"],
    ["a period of eight thousand years", { ...date(Inputs.startsOn, "2026-12-01"), ...date(Inputs.endsOn, "9999-12-31") }, Inputs.endsOn.block, "3年以内（2029-11-30 まで）"],
  ])("refuses %s inline, on that date, and registers nothing", async (_what, dates, block, text) => {
    const before = JSON.stringify(await contracts());
    const response = await h.driver.viewSubmission({ callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM, values: registration(dates) });
    const errors = errorsOf(response);
    expect(Object.keys(errors)).toEqual([block]);
    expect(errors[block]).toContain(text);
    expect(JSON.stringify(await contracts())).toBe(before);
    expect(await h.database.db.client.customer.count({ where: { name: "株式会社日付" } })).toBe(0);
  });

  it("accepts the edges of the range", async () => {
    const response = await h.driver.viewSubmission({ callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM, values: registration(date(Inputs.confirmedOn, "2027-11-24")) });
    expect((response.json as { response_action?: string }).response_action).toBe("update");
    expect((await contracts()).at(-1)).toMatchObject({ startsOn: "2027-11-24", endsOn: "2028-11-23" });
  });
});

describe("the renewal modal", () => {
  it("refuses a renewal dated 1027 inline and writes nothing", async () => {
    const before = JSON.stringify(await contracts());
    await h.driver.event({ type: "app_home_opened", user: MANAGER, channel: "D0MGR1", tab: "home" });
    await expect.poll(() => JSON.stringify(h.slack.homeView(MANAGER)?.blocks ?? [])).toContain(`balance_row_${customerId}`);
    const home = h.slack.homeView(MANAGER)!;
    const detail = await opened(Views.customerDetail, () => h.driver.blockAction({
      actionId: Actions.customerDetail, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: home.id, callbackId: Views.home }, blockId: `balance_row_${customerId}`,
    }));
    await opened(Views.renewContract, () => h.driver.blockAction({ actionId: Actions.renewContract, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detail.id, callbackId: Views.customerDetail } }));
    const response = await h.driver.viewSubmission({
      callbackId: Views.renewContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: { [Inputs.incidents.block]: { [Inputs.incidents.action]: "10" }, ...date(Inputs.confirmedOn, "1027-03-01") },
    });
    expect(errorsOf(response)[Inputs.confirmedOn.block]).toContain("2000-01-01 以降の日付");
    expect(JSON.stringify(await contracts())).toBe(before);
  });
});
