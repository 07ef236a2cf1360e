-- CreateIndex
CREATE INDEX "Contract_renewalNoticeAt_endsOn_idx" ON "Contract"("renewalNoticeAt", "endsOn");

-- CreateIndex
CREATE INDEX "Contract_endNoticeAt_endsOn_idx" ON "Contract"("endNoticeAt", "endsOn");

-- CreateIndex
CREATE INDEX "Contract_exhaustedNoticeAt_available_idx" ON "Contract"("exhaustedNoticeAt", "available");

