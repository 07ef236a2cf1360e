-- CreateTable
CREATE TABLE "CaseReservation" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "contractId" INTEGER NOT NULL,
    "incidents" INTEGER NOT NULL,

    CONSTRAINT "CaseReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseReservation_contractId_idx" ON "CaseReservation"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseReservation_caseId_contractId_key" ON "CaseReservation"("caseId", "contractId");

-- AddForeignKey
ALTER TABLE "CaseReservation" ADD CONSTRAINT "CaseReservation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReservation" ADD CONSTRAINT "CaseReservation_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Every case so far held all its incidents on the one contract it names: that becomes its one reservation row.
INSERT INTO "CaseReservation" ("caseId", "contractId", "incidents")
SELECT "id", "contractId", "incidents" FROM "Case";
