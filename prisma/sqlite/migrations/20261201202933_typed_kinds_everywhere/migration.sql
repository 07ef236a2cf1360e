-- AlterTable
-- A level A proposal was stored as "level_a:<reason>": the reason gets its own column. The other kinds become
-- enums in the schema and stay text here, as SQLite has no enum type.
ALTER TABLE "Proposal" ADD COLUMN "levelReason" TEXT;
UPDATE "Proposal" SET "levelReason" = substr("kind", 9), "kind" = 'level_a' WHERE "kind" LIKE 'level\_a:%' ESCAPE '\';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "deliveredAt" DATETIME,
    "failedAt" DATETIME,
    "lastError" TEXT,
    "heldAt" DATETIME,
    "heldCause" TEXT
);
INSERT INTO "new_OutboxMessage" ("attempts", "availableAt", "caseId", "channelId", "createdAt", "dedupeKey", "deliveredAt", "failedAt", "heldAt", "heldCause", "id", "kind", "lastError", "lockedUntil", "payload") SELECT "attempts", "availableAt", "caseId", "channelId", "createdAt", "dedupeKey", "deliveredAt", "failedAt", "heldAt", "heldCause", "id", "kind", "lastError", "lockedUntil", "payload" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_deliveredAt_availableAt_idx" ON "OutboxMessage"("deliveredAt", "availableAt");
CREATE INDEX "OutboxMessage_channelId_deliveredAt_idx" ON "OutboxMessage"("channelId", "deliveredAt");
CREATE INDEX "OutboxMessage_heldCause_idx" ON "OutboxMessage"("heldCause");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

