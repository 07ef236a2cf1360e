-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Customer" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slackTeamId" TEXT,
    "contactNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerChannel" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'ja',
    "entryTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'initial',
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "purchased" INTEGER NOT NULL DEFAULT 0,
    "available" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "consumed" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "renewalNoticeAt" TIMESTAMP(3),
    "endNoticeAt" TIMESTAMP(3),
    "exhaustedNoticeAt" TIMESTAMP(3),

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" SERIAL NOT NULL,
    "contractId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "contractId" INTEGER NOT NULL,
    "channelId" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "product" TEXT,
    "level" TEXT NOT NULL DEFAULT 'normal',
    "levelReason" TEXT,
    "incidents" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "openedBy" TEXT NOT NULL,
    "assigneeId" TEXT,
    "rootTs" TEXT,
    "triageTs" TEXT,
    "sourceTs" TEXT,
    "parentCaseId" INTEGER,
    "previousCaseId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "firstResponseAt" TIMESTAMP(3),
    "lastEngineerMessageAt" TIMESTAMP(3),
    "lastCustomerMessageAt" TIMESTAMP(3),
    "oldestUnansweredAt" TIMESTAMP(3),
    "expectedAnswerOn" TEXT,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "closedBy" TEXT,
    "firstResponseRemindAt" TIMESTAMP(3),
    "firstResponseDueAt" TIMESTAMP(3),
    "delayNoticeAt" TIMESTAMP(3),
    "autoCloseRemindAt" TIMESTAMP(3),
    "autoCloseAt" TIMESTAMP(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "channelId" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "data" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "parts" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "proposedBy" TEXT NOT NULL,
    "decidedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackDelivery" (
    "key" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackDelivery_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Customer_name_key" ON "Customer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerChannel_channelId_key" ON "CustomerChannel"("channelId");

-- CreateIndex
CREATE INDEX "Contract_customerId_endsOn_idx" ON "Contract"("customerId", "endsOn");

-- CreateIndex
CREATE INDEX "Contract_endsOn_idx" ON "Contract"("endsOn");

-- CreateIndex
CREATE INDEX "LedgerEntry_contractId_idx" ON "LedgerEntry"("contractId");

-- CreateIndex
CREATE INDEX "LedgerEntry_customerId_createdAt_idx" ON "LedgerEntry"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_createdAt_idx" ON "LedgerEntry"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_requestKey_key" ON "Case"("requestKey");

-- CreateIndex
CREATE INDEX "Case_customerId_state_idx" ON "Case"("customerId", "state");

-- CreateIndex
CREATE INDEX "Case_state_oldestUnansweredAt_idx" ON "Case"("state", "oldestUnansweredAt");

-- CreateIndex
CREATE INDEX "Case_firstResponseRemindAt_idx" ON "Case"("firstResponseRemindAt");

-- CreateIndex
CREATE INDEX "Case_firstResponseDueAt_idx" ON "Case"("firstResponseDueAt");

-- CreateIndex
CREATE INDEX "Case_delayNoticeAt_idx" ON "Case"("delayNoticeAt");

-- CreateIndex
CREATE INDEX "Case_autoCloseRemindAt_idx" ON "Case"("autoCloseRemindAt");

-- CreateIndex
CREATE INDEX "Case_autoCloseAt_idx" ON "Case"("autoCloseAt");

-- CreateIndex
CREATE INDEX "Case_channelId_rootTs_idx" ON "Case"("channelId", "rootTs");

-- CreateIndex
CREATE INDEX "Case_triageTs_idx" ON "Case"("triageTs");

-- CreateIndex
CREATE INDEX "CaseMessage_caseId_postedAt_idx" ON "CaseMessage"("caseId", "postedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseMessage_channelId_ts_key" ON "CaseMessage"("channelId", "ts");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_createdAt_idx" ON "CaseEvent"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_caseId_state_idx" ON "Proposal"("caseId", "state");

-- CreateIndex
CREATE INDEX "SlackDelivery_receivedAt_idx" ON "SlackDelivery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_deliveredAt_availableAt_idx" ON "OutboxMessage"("deliveredAt", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channelId_deliveredAt_idx" ON "OutboxMessage"("channelId", "deliveredAt");

-- AddForeignKey
ALTER TABLE "CustomerChannel" ADD CONSTRAINT "CustomerChannel_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

