-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "slaBreached" BOOLEAN,
ADD COLUMN     "slaFiguredAt" TIMESTAMP(3),
ADD COLUMN     "slaFirstResponseHours" DOUBLE PRECISION,
ADD COLUMN     "slaResolutionDays" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "LedgerTotal" (
    "contractId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "through" INTEGER NOT NULL,

    CONSTRAINT "LedgerTotal_pkey" PRIMARY KEY ("contractId","kind","day")
);

-- CreateIndex
CREATE INDEX "Case_createdAt_idx" ON "Case"("createdAt");

-- CreateIndex
CREATE INDEX "Case_closedAt_idx" ON "Case"("closedAt");

-- CreateIndex
CREATE INDEX "Case_slaFiguredAt_closedAt_idx" ON "Case"("slaFiguredAt", "closedAt");


-- The running totals of the entries already in the ledger: each contract's, kind's and day's sum, and the sum through
-- that day. (A case's service-level figures need the business calendar: the app fixes those of cases that ended
-- before this version itself, see src/services/sla-figures.ts.)
INSERT INTO "LedgerTotal" ("contractId", "customerId", "kind", "day", "amount", "through")
SELECT "contractId", "customerId", "kind", "day", "amount", SUM("amount") OVER (PARTITION BY "contractId", "kind" ORDER BY "day")
FROM (SELECT "contractId", MIN("customerId") AS "customerId", "kind", to_char("createdAt", 'YYYY-MM-DD') AS "day", SUM("amount") AS "amount"
  FROM "LedgerEntry" GROUP BY "contractId", "kind", to_char("createdAt", 'YYYY-MM-DD')) AS "daily";
