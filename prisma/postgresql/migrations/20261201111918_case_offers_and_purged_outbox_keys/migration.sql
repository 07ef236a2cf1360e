-- CreateTable
CREATE TABLE "CaseOffer" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "sourceTs" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgedOutboxKey" (
    "dedupeKey" TEXT NOT NULL,
    "purgedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PurgedOutboxKey_pkey" PRIMARY KEY ("dedupeKey")
);

-- CreateIndex
CREATE INDEX "CaseOffer_channelId_userId_createdAt_idx" ON "CaseOffer"("channelId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseOffer_channelId_sourceTs_key" ON "CaseOffer"("channelId", "sourceTs");


-- Offers made before this version kept their text only in their outbox message: copy them over.
INSERT INTO "CaseOffer" ("channelId", "sourceTs", "userId", "text", "createdAt")
SELECT "channelId", "payload"::jsonb ->> 'sourceTs', "payload"::jsonb ->> 'userId', "payload"::jsonb ->> 'text', "createdAt"
FROM "OutboxMessage"
WHERE "kind" = 'case.offer'
  AND "payload"::jsonb ->> 'sourceTs' IS NOT NULL AND "payload"::jsonb ->> 'userId' IS NOT NULL AND "payload"::jsonb ->> 'text' IS NOT NULL
ORDER BY "id"
ON CONFLICT DO NOTHING;
