// Engineers and managers named by Slack user group (R-ROLE): SUPPORT_ENGINEERS / SUPPORT_MANAGERS may name user
// groups (S…) beside user ids. A group's members hold the role; when the group changes in Slack the roles follow,
// without a restart — told by Slack's subteam_* events, or, if an event never comes, by the periodic read. A person
// taken out of the group is refused like anyone who is not an engineer, and nothing is written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { Actions, Commands } from "../../src/slack/ids.ts";
import { ENGINEER, ENGINEER_2, HOME_TEAM, INTERNAL, MANAGER, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { AN_ENGINEER, caseRow, clickButton, customerCase, ephemeralAfter, everything, type Person } from "./engineer-helpers.ts";

const ENGINEERS_GROUP = "S0ENGINEERS";
const MANAGERS_GROUP = "S0MANAGERS";
const SECOND_ENGINEER: Person = { userId: ENGINEER_2, teamId: HOME_TEAM, role: "another engineer" };
const A_COLLEAGUE: Person = { userId: INTERNAL, teamId: HOME_TEAM, role: "T4U staff" };

const groupEnv = { SUPPORT_ENGINEERS: ENGINEERS_GROUP, SUPPORT_MANAGERS: `${MANAGER},${MANAGERS_GROUP}` };
const groups = () => ({ [ENGINEERS_GROUP]: [ENGINEER, ENGINEER_2], [MANAGERS_GROUP]: [] });

async function takes(h: Harness, who: Person): Promise<void> {
  const caseId = await customerCase(h, `グループの確認 ${randomUUID().slice(0, 4)}`);
  const response = await clickButton(h, who, caseId, Actions.take);
  expect(response.slackWouldReject).toBeUndefined();
  await expect.poll(async () => (await caseRow(h, caseId)).assigneeId).toBe(who.userId);
}

/** Take is refused with the usual answer to someone who is not an engineer, and the case is left as it was. */
async function refusedTake(h: Harness, who: Person): Promise<void> {
  const caseId = await customerCase(h, `外された担当 ${randomUUID().slice(0, 4)}`);
  const before = await everything(h);
  const text = await ephemeralAfter(h, TRIAGE_CHANNEL, who.userId, () => clickButton(h, who, caseId, Actions.take));
  expect(text).toContain("サポート担当のみ");
  expect(await everything(h)).toBe(before);
  expect((await caseRow(h, caseId)).assigneeId).toBeNull();
}

async function balance(h: Harness, userId: string): Promise<string> {
  const reply = await h.driver.slashCommand({ command: Commands.balance, text: "", userId, channelId: "C0MGRS" });
  expect(reply.slackWouldReject).toBeUndefined();
  return JSON.stringify(reply.json);
}

async function metrics(h: Harness): Promise<string> {
  return (await fetch(`http://127.0.0.1:${h.running.port}/metrics`)).text();
}

const readable = (group: string, value: 0 | 1) => `incident_desk_role_group_readable{group="${group}"} ${value}`;

describe("roles from user groups, kept current by Slack's events", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: groupEnv, userGroups: groups() });
    await h.registerCustomer({ incidents: 20 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lets a member of the engineers' group take a case", async () => {
    await takes(h, AN_ENGINEER);
  });

  it("refuses Take to an engineer removed from the group once subteam_members_changed arrives, writing nothing", async () => {
    h.slack.setUserGroup(ENGINEERS_GROUP, [ENGINEER_2]);
    const delivered = await h.driver.event({
      type: "subteam_members_changed", subteam_id: ENGINEERS_GROUP, team_id: HOME_TEAM,
      date_previous_update: 1764000000, date_update: 1764000100, added_users: [], removed_users: [ENGINEER], removed_users_count: 1,
    });
    expect(delivered.status).toBe(200);
    await expect.poll(() => h.running.deps.directory.engineers.has(ENGINEER)).toBe(false);
    await refusedTake(h, AN_ENGINEER);
    await takes(h, SECOND_ENGINEER);
  });

  it("reads the group again when an event does not say who changed", async () => {
    h.slack.setUserGroup(ENGINEERS_GROUP, [ENGINEER]);
    await h.driver.event({ type: "subteam_members_changed", subteam_id: ENGINEERS_GROUP, team_id: HOME_TEAM, date_previous_update: 1764000100, date_update: 1764000200 });
    await expect.poll(() => h.running.deps.directory.engineers.has(ENGINEER_2)).toBe(false);
    await refusedTake(h, SECOND_ENGINEER);
    await takes(h, AN_ENGINEER);
  });

  it("lets a person added to the managers' group run /balance (subteam_updated)", async () => {
    expect(await balance(h, INTERNAL)).toContain("管理者のみ");
    h.slack.setUserGroup(MANAGERS_GROUP, [INTERNAL]);
    await h.driver.event({
      type: "subteam_updated",
      subteam: { id: MANAGERS_GROUP, team_id: HOME_TEAM, is_usergroup: true, name: "support-managers", handle: "support-managers", date_delete: 0, users: [INTERNAL], user_count: 1 },
    });
    await expect.poll(() => h.running.deps.directory.managers.has(INTERNAL)).toBe(true);
    const body = await balance(h, INTERNAL);
    expect(body).toContain("株式会社サンプル");
    expect(body).not.toContain("管理者のみ");
  });

  it("ignores events about groups the settings do not name", async () => {
    h.slack.setUserGroup("S0SALES", [INTERNAL]);
    await h.driver.event({ type: "subteam_members_changed", subteam_id: "S0SALES", team_id: HOME_TEAM, added_users: [INTERNAL], date_previous_update: 1, date_update: 2 });
    await refusedTake(h, A_COLLEAGUE);
    expect(h.slack.callsTo("usergroups.users.list").filter((c) => c.args.usergroup === "S0SALES")).toEqual([]);
  });

  it("takes the role away from every member of a group that is disabled", async () => {
    await h.driver.event({
      type: "subteam_updated",
      subteam: { id: ENGINEERS_GROUP, team_id: HOME_TEAM, is_usergroup: true, name: "support", handle: "support", date_delete: 1764000300, users: [ENGINEER], user_count: 1 },
    });
    await expect.poll(() => h.running.deps.directory.engineers.size).toBe(0);
    await refusedTake(h, AN_ENGINEER);
  });
});

describe("roles from user groups, kept current by the periodic read alone", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ...groupEnv, ROLE_REFRESH_SECONDS: "1" }, userGroups: groups() });
    await h.registerCustomer({ incidents: 20 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("refuses Take to an engineer removed from the group, with no event, after the next read", async () => {
    await takes(h, AN_ENGINEER);
    h.slack.setUserGroup(ENGINEERS_GROUP, [ENGINEER_2]);
    await expect.poll(() => h.running.deps.directory.engineers.has(ENGINEER)).toBe(false);
    await refusedTake(h, AN_ENGINEER);
    await takes(h, SECOND_ENGINEER);
  });

  it("lets a person added to the managers' group run /balance after the next read", async () => {
    h.slack.setUserGroup(MANAGERS_GROUP, [INTERNAL]);
    await expect.poll(() => h.running.deps.directory.managers.has(INTERNAL)).toBe(true);
    expect(await balance(h, INTERNAL)).toContain("株式会社サンプル");
  });

  it("keeps the members last read while Slack fails, says so in /metrics, and catches up when Slack answers again", async () => {
    expect(await metrics(h)).toContain(readable(ENGINEERS_GROUP, 1));
    h.slack.fail("usergroups.users.list", { error: "internal_error", times: 2 });
    h.slack.fail("usergroups.users.list", { status: 503, times: 2 });
    await expect.poll(() => metrics(h)).toContain(readable(ENGINEERS_GROUP, 0));
    // Nobody lost the role to an outage.
    expect(h.running.deps.directory.engineers.has(ENGINEER_2)).toBe(true);
    await takes(h, SECOND_ENGINEER);
    h.slack.setUserGroup(ENGINEERS_GROUP, [ENGINEER, ENGINEER_2]);
    await expect.poll(() => h.running.deps.directory.engineers.has(ENGINEER)).toBe(true);
    await expect.poll(() => metrics(h)).toContain(readable(ENGINEERS_GROUP, 1));
    await takes(h, AN_ENGINEER);
  });
});

describe("a user group Slack cannot read at start", () => {
  let h: Harness;
  const lines: string[] = [];
  beforeAll(async () => {
    h = await startHarness({
      env: { SUPPORT_ENGINEERS: `${ENGINEER},S0MISSING`, SUPPORT_MANAGERS: MANAGER },
      logger: createLogger("info", (line) => lines.push(line)),
    });
    await h.registerCustomer({ incidents: 5 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("starts anyway: the engineers named by user id work as before", async () => {
    await takes(h, AN_ENGINEER);
    await refusedTake(h, SECOND_ENGINEER);
  });

  it("logs which group could not be read and shows it in /metrics", async () => {
    const logged = lines.map((line) => JSON.parse(line) as { level: string; msg: string; group?: string; error?: string });
    expect(logged).toContainEqual(expect.objectContaining({ level: "error", group: "S0MISSING", error: "no_such_subteam" }));
    expect(await metrics(h)).toContain(readable("S0MISSING", 0));
  });
});
