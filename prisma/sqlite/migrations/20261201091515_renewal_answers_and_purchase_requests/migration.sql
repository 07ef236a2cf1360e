-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "renewalAnswer" TEXT;
ALTER TABLE "Contract" ADD COLUMN "renewalAnsweredAt" DATETIME;
ALTER TABLE "Contract" ADD COLUMN "renewalAnsweredBy" TEXT;
ALTER TABLE "Contract" ADD COLUMN "renewalReminderAt" DATETIME;

-- CreateTable
CREATE TABLE "ContractEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "contractId" INTEGER,
    "requestId" INTEGER,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "data" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PurchaseRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "channelId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contractId" INTEGER,
    "companyName" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "startsOn" TEXT,
    "note" TEXT,
    "requestedBy" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "declineReason" TEXT,
    "resultContractId" INTEGER,
    "channelTs" TEXT,
    "triageTs" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PurchaseRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ContractEvent_customerId_createdAt_idx" ON "ContractEvent"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "ContractEvent_requestId_idx" ON "ContractEvent"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseRequest_requestKey_key" ON "PurchaseRequest"("requestKey");

-- CreateIndex
CREATE INDEX "PurchaseRequest_state_createdAt_idx" ON "PurchaseRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "PurchaseRequest_customerId_createdAt_idx" ON "PurchaseRequest"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_renewalReminderAt_endsOn_idx" ON "Contract"("renewalReminderAt", "endsOn");

