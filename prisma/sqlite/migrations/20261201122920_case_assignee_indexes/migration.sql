-- CreateIndex
CREATE INDEX "Case_assigneeId_state_idx" ON "Case"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "Case_assigneeId_closedAt_idx" ON "Case"("assigneeId", "closedAt");

