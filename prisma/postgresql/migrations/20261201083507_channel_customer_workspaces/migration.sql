-- CreateEnum
CREATE TYPE "ChannelTeamRole" AS ENUM ('customer', 'pending', 'excluded');

-- CreateTable
CREATE TABLE "ChannelTeam" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "teamName" TEXT,
    "role" "ChannelTeamRole" NOT NULL,
    "decidedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelApprover" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelApprover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelTeam_channelId_teamId_key" ON "ChannelTeam"("channelId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelApprover_channelId_userId_key" ON "ChannelApprover"("channelId", "userId");

-- AddForeignKey
ALTER TABLE "ChannelTeam" ADD CONSTRAINT "ChannelTeam_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "CustomerChannel"("channelId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelApprover" ADD CONSTRAINT "ChannelApprover_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "CustomerChannel"("channelId") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Carry over what the previous version learned: a customer's workspace becomes the customer workspace of each of
-- its channels. Channels without one are filled in from Slack when the app starts.
INSERT INTO "ChannelTeam" ("channelId", "teamId", "role", "decidedBy", "createdAt", "updatedAt")
SELECT ch."channelId", cu."slackTeamId", 'customer', 'migration', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "CustomerChannel" ch JOIN "Customer" cu ON cu."id" = ch."customerId"
WHERE cu."slackTeamId" IS NOT NULL;

-- AlterTable
ALTER TABLE "Customer" DROP COLUMN "slackTeamId";
