-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "heldAt" TIMESTAMP(3),
ADD COLUMN     "heldCause" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_heldCause_idx" ON "OutboxMessage"("heldCause");

