-- CreateTable
CREATE TABLE "CaseRating" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "ratedBy" TEXT NOT NULL,
    "ratedAt" TIMESTAMP(3) NOT NULL,
    "askTs" TEXT,

    CONSTRAINT "CaseRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" SERIAL NOT NULL,
    "recipient" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseRating_caseId_key" ON "CaseRating"("caseId");

-- CreateIndex
CREATE INDEX "CaseRating_ratedAt_idx" ON "CaseRating"("ratedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_recipient_weekOf_key" ON "DigestDelivery"("recipient", "weekOf");

-- AddForeignKey
ALTER TABLE "CaseRating" ADD CONSTRAINT "CaseRating_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

