-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "heldAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "heldCause" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_heldCause_idx" ON "OutboxMessage"("heldCause");

