-- CreateTable
CREATE TABLE "CaseOffer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "sourceTs" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PurgedOutboxKey" (
    "dedupeKey" TEXT NOT NULL PRIMARY KEY,
    "purgedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CaseOffer_channelId_userId_createdAt_idx" ON "CaseOffer"("channelId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseOffer_channelId_sourceTs_key" ON "CaseOffer"("channelId", "sourceTs");


-- Offers made before this version kept their text only in their outbox message: copy them over.
INSERT OR IGNORE INTO "CaseOffer" ("channelId", "sourceTs", "userId", "text", "createdAt")
SELECT "channelId", json_extract("payload", '$.sourceTs'), json_extract("payload", '$.userId'), json_extract("payload", '$.text'), "createdAt"
FROM "OutboxMessage"
WHERE "kind" = 'case.offer' AND json_valid("payload")
  AND json_extract("payload", '$.sourceTs') IS NOT NULL AND json_extract("payload", '$.userId') IS NOT NULL AND json_extract("payload", '$.text') IS NOT NULL
ORDER BY "id";
