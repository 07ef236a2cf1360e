// Upgrading a database made by the version that learned a customer's workspace from its first case: the workspace
// it learned becomes the customer workspace of each of that customer's channels, so nobody who could open cases
// before is refused after the upgrade; a customer it never learned keeps no workspace (the app asks Slack at start).
import { expect, it } from "vitest";
import { upgradeDatabase } from "./upgrade.ts";

const upgrade = upgradeDatabase();

it("turns each learned workspace into its channels' customer workspace", async () => {
  await upgrade.before("_channel_customer_workspaces");
  // The previous version's tables, written as it wrote them (its client knew Customer.slackTeamId).
  await upgrade.db.client.$executeRawUnsafe(`INSERT INTO "Customer" ("name", "slackTeamId") VALUES ('学習済みのお客様', 'T0LEARNED'), ('未学習のお客様', NULL)`);
  // Raw SQL throughout: this version's client would also ask for columns later migrations add.
  await upgrade.db.client.$executeRawUnsafe(`INSERT INTO "CustomerChannel" ("channelId", "customerId")
    SELECT c."channelId", cu."id" FROM "Customer" cu JOIN (SELECT 'C0LEARNED1' AS "channelId", '学習済みのお客様' AS "name"
      UNION ALL SELECT 'C0LEARNED2', '学習済みのお客様' UNION ALL SELECT 'C0UNKNOWN', '未学習のお客様') c ON c."name" = cu."name"`);
  await upgrade.rest();
  const teams = await upgrade.db.client.channelTeam.findMany({ orderBy: { channelId: "asc" }, select: { channelId: true, teamId: true, role: true } });
  expect(teams).toEqual([
    { channelId: "C0LEARNED1", teamId: "T0LEARNED", role: "customer" },
    { channelId: "C0LEARNED2", teamId: "T0LEARNED", role: "customer" },
  ]);
});
