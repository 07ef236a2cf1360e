-- CreateTable
CREATE TABLE "CaseReservation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "contractId" INTEGER NOT NULL,
    "incidents" INTEGER NOT NULL,
    CONSTRAINT "CaseReservation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseReservation_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CaseReservation_contractId_idx" ON "CaseReservation"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseReservation_caseId_contractId_key" ON "CaseReservation"("caseId", "contractId");


-- Every case so far held all its incidents on the one contract it names: that becomes its one reservation row.
INSERT INTO "CaseReservation" ("caseId", "contractId", "incidents")
SELECT "id", "contractId", "incidents" FROM "Case";
