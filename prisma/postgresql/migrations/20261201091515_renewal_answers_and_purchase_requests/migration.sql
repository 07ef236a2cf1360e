-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "renewalAnswer" TEXT,
ADD COLUMN     "renewalAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "renewalAnsweredBy" TEXT,
ADD COLUMN     "renewalReminderAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ContractEvent" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "contractId" INTEGER,
    "requestId" INTEGER,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "data" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseRequest" (
    "id" SERIAL NOT NULL,
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
    "decidedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "resultContractId" INTEGER,
    "channelTs" TEXT,
    "triageTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseRequest_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PurchaseRequest" ADD CONSTRAINT "PurchaseRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

