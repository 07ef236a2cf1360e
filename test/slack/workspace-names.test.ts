// Workspace names are kept so that Slack is not asked again for each channel of a customer, but only so many: the
// directory stays bounded however many workspaces were ever connected to the app's channels.
import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { slackWorkspaces } from "../../src/slack/workspaces.ts";

/** A Slack whose channel C<n> is shared with workspace T<n>, counting the names it is asked for. */
function fakeSlack() {
  const asked: string[] = [];
  const client = {
    conversations: { info: ({ channel }: { channel: string }) => Promise.resolve({ channel: { is_ext_shared: true, connected_team_ids: ["T0HOME", `T${channel.slice(1)}`] } }) },
    team: { info: ({ team }: { team: string }) => { asked.push(team); return Promise.resolve({ team: { name: `name of ${team}` } }); } },
  };
  return { client: client as unknown as WebClient, asked };
}

describe("workspace names", () => {
  it("asks Slack once for a workspace's name", async () => {
    const { client, asked } = fakeSlack();
    const workspaces = slackWorkspaces(client, "T0HOME", silentLogger);
    expect(await workspaces.connections("C0001")).toEqual({ shared: true, teams: [{ id: "T0001", name: "name of T0001" }] });
    await workspaces.connections("C0001");
    expect(asked).toEqual(["T0001"]);
  });

  it("keeps the thousand most recent names, and asks again for one forgotten", async () => {
    const { client, asked } = fakeSlack();
    const workspaces = slackWorkspaces(client, "T0HOME", silentLogger);
    for (let i = 0; i < 1_200; i++) await workspaces.connections(`C${String(i).padStart(4, "0")}`);
    expect(asked).toHaveLength(1_200);
    await workspaces.connections("C1199");
    expect(asked).toHaveLength(1_200);
    await workspaces.connections("C0000");
    expect(asked.at(-1)).toBe("T0000");
  });
});
