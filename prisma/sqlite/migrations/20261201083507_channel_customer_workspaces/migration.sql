-- CreateTable
CREATE TABLE "ChannelTeam" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "teamName" TEXT,
    "role" TEXT NOT NULL,
    "decidedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChannelTeam_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "CustomerChannel" ("channelId") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelApprover" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelApprover_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "CustomerChannel" ("channelId") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Carry over what the previous version learned: a customer's workspace becomes the customer workspace of each of
-- its channels. Channels without one are filled in from Slack when the app starts.
INSERT INTO "ChannelTeam" ("channelId", "teamId", "role", "decidedBy", "createdAt", "updatedAt")
SELECT ch."channelId", cu."slackTeamId", 'customer', 'migration', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "CustomerChannel" ch JOIN "Customer" cu ON cu."id" = ch."customerId"
WHERE cu."slackTeamId" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "contactNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Customer" ("contactNote", "createdAt", "id", "name") SELECT "contactNote", "createdAt", "id", "name" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE UNIQUE INDEX "Customer_name_key" ON "Customer"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ChannelTeam_channelId_teamId_key" ON "ChannelTeam"("channelId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelApprover_channelId_userId_key" ON "ChannelApprover"("channelId", "userId");

