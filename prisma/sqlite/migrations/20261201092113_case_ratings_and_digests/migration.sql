-- CreateTable
CREATE TABLE "CaseRating" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "ratedBy" TEXT NOT NULL,
    "ratedAt" DATETIME NOT NULL,
    "askTs" TEXT,
    CONSTRAINT "CaseRating_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipient" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseRating_caseId_key" ON "CaseRating"("caseId");

-- CreateIndex
CREATE INDEX "CaseRating_ratedAt_idx" ON "CaseRating"("ratedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_recipient_weekOf_key" ON "DigestDelivery"("recipient", "weekOf");

