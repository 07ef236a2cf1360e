-- CreateIndex
CREATE INDEX "LedgerEntry_kind_createdAt_customerId_amount_idx" ON "LedgerEntry"("kind", "createdAt", "customerId", "amount");

