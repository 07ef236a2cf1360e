-- DropIndex
DROP INDEX "Case_createdAt_idx";

-- CreateIndex
CREATE INDEX "Case_createdAt_slaFiguredAt_customerId_slaFirstResponseHour_idx" ON "Case"("createdAt", "slaFiguredAt", "customerId", "slaFirstResponseHours", "slaResolutionDays", "slaBreached", "id");

-- CreateIndex
CREATE INDEX "CaseRating_caseId_score_idx" ON "CaseRating"("caseId", "score");

