-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ContractEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "contractId" INTEGER,
    "requestId" INTEGER,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ContractEvent" ("actorId", "contractId", "createdAt", "customerId", "data", "id", "kind", "requestId") SELECT "actorId", "contractId", "createdAt", "customerId", "data", "id", "kind", "requestId" FROM "ContractEvent";
DROP TABLE "ContractEvent";
ALTER TABLE "new_ContractEvent" RENAME TO "ContractEvent";
CREATE INDEX "ContractEvent_customerId_createdAt_idx" ON "ContractEvent"("customerId", "createdAt");
CREATE INDEX "ContractEvent_requestId_idx" ON "ContractEvent"("requestId");
CREATE TABLE "new_CaseEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_CaseEvent" ("actorId", "caseId", "createdAt", "data", "id", "kind") SELECT "actorId", "caseId", "createdAt", "data", "id", "kind" FROM "CaseEvent";
DROP TABLE "CaseEvent";
ALTER TABLE "new_CaseEvent" RENAME TO "CaseEvent";
CREATE INDEX "CaseEvent_caseId_createdAt_idx" ON "CaseEvent"("caseId", "createdAt");
CREATE TABLE "new_Proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "parts" JSONB,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "proposedBy" TEXT NOT NULL,
    "decidedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "Proposal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("caseId", "createdAt", "decidedAt", "decidedBy", "id", "incidents", "kind", "parts", "proposedBy", "reason", "state") SELECT "caseId", "createdAt", "decidedAt", "decidedBy", "id", "incidents", "kind", "parts", "proposedBy", "reason", "state" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_caseId_state_idx" ON "Proposal"("caseId", "state");
CREATE TABLE "new_PersonalNotification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caseId" INTEGER,
    "data" JSONB,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);
INSERT INTO "new_PersonalNotification" ("caseId", "createdAt", "data", "dedupeKey", "id", "kind", "sentAt", "userId") SELECT "caseId", "createdAt", "data", "dedupeKey", "id", "kind", "sentAt", "userId" FROM "PersonalNotification";
DROP TABLE "PersonalNotification";
ALTER TABLE "new_PersonalNotification" RENAME TO "PersonalNotification";
CREATE UNIQUE INDEX "PersonalNotification_dedupeKey_key" ON "PersonalNotification"("dedupeKey");
CREATE INDEX "PersonalNotification_sentAt_createdAt_idx" ON "PersonalNotification"("sentAt", "createdAt");
CREATE INDEX "PersonalNotification_userId_sentAt_idx" ON "PersonalNotification"("userId", "sentAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

