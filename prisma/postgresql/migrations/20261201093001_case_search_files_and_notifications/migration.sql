-- CreateTable
CREATE TABLE "CaseFile" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "fileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mimetype" TEXT,
    "filetype" TEXT,
    "size" INTEGER,
    "userId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "messageTs" TEXT,
    "postedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalNotification" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caseId" INTEGER,
    "data" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "PersonalNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "CaseFile_caseId_postedAt_idx" ON "CaseFile"("caseId", "postedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFile_caseId_fileId_key" ON "CaseFile"("caseId", "fileId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalNotification_dedupeKey_key" ON "PersonalNotification"("dedupeKey");

-- CreateIndex
CREATE INDEX "PersonalNotification_sentAt_createdAt_idx" ON "PersonalNotification"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "PersonalNotification_userId_sentAt_idx" ON "PersonalNotification"("userId", "sentAt");

-- CreateIndex
CREATE INDEX "Case_channelId_id_idx" ON "Case"("channelId", "id");

-- AddForeignKey
ALTER TABLE "CaseFile" ADD CONSTRAINT "CaseFile_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Search (written by hand): pg_trgm GIN indexes over cases' titles and descriptions and over their thread
-- messages, which serve ILIKE '%word%' from the index, Japanese included (trigrams need no spaces). The extension
-- exists once per database: it is created in "public" when there is one (so dropping one application schema never
-- drops it under another), and its operator class is named with the schema it is in. One statement: the migrator
-- splits statements at a ";" that ends a line.
DO $$ DECLARE s text; BEGIN IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN CREATE EXTENSION pg_trgm SCHEMA public; ELSE CREATE EXTENSION pg_trgm; END IF; EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; END; END IF; SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'; EXECUTE format('CREATE INDEX "Case_title_trgm_idx" ON "Case" USING gin ("title" %I.gin_trgm_ops)', s); EXECUTE format('CREATE INDEX "Case_description_trgm_idx" ON "Case" USING gin ("description" %I.gin_trgm_ops)', s); EXECUTE format('CREATE INDEX "CaseMessage_text_trgm_idx" ON "CaseMessage" USING gin ("text" %I.gin_trgm_ops)', s); END $$;
