-- CreateTable
CREATE TABLE "CaseFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "fileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mimetype" TEXT,
    "filetype" TEXT,
    "size" INTEGER,
    "userId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "messageTs" TEXT,
    "postedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseFile_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonalNotification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caseId" INTEGER,
    "data" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "kind")
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


-- Search (written by hand): trigram full-text indexes over cases' titles and descriptions and over their thread
-- messages, so words match inside longer text without spaces (Japanese). External-content FTS5 tables read the
-- text from "Case" and "CaseMessage" themselves; the triggers keep them current, and one statement each (the
-- migrator splits statements at a ";" that ends a line).
CREATE VIRTUAL TABLE "CaseSearch" USING fts5(title, description, content='Case', content_rowid='id', tokenize='trigram');

CREATE VIRTUAL TABLE "CaseMessageSearch" USING fts5(text, content='CaseMessage', content_rowid='id', tokenize='trigram');

INSERT INTO "CaseSearch"("CaseSearch") VALUES ('rebuild');

INSERT INTO "CaseMessageSearch"("CaseMessageSearch") VALUES ('rebuild');

CREATE TRIGGER "Case_search_insert" AFTER INSERT ON "Case" BEGIN INSERT INTO "CaseSearch"(rowid, title, description) VALUES (new.id, new.title, new.description); END;

CREATE TRIGGER "Case_search_update" AFTER UPDATE OF title, description ON "Case" BEGIN INSERT INTO "CaseSearch"("CaseSearch", rowid, title, description) VALUES ('delete', old.id, old.title, old.description); INSERT INTO "CaseSearch"(rowid, title, description) VALUES (new.id, new.title, new.description); END;

CREATE TRIGGER "Case_search_delete" AFTER DELETE ON "Case" BEGIN INSERT INTO "CaseSearch"("CaseSearch", rowid, title, description) VALUES ('delete', old.id, old.title, old.description); END;

CREATE TRIGGER "CaseMessage_search_insert" AFTER INSERT ON "CaseMessage" BEGIN INSERT INTO "CaseMessageSearch"(rowid, text) VALUES (new.id, new.text); END;

CREATE TRIGGER "CaseMessage_search_update" AFTER UPDATE OF text ON "CaseMessage" BEGIN INSERT INTO "CaseMessageSearch"("CaseMessageSearch", rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO "CaseMessageSearch"(rowid, text) VALUES (new.id, new.text); END;

CREATE TRIGGER "CaseMessage_search_delete" AFTER DELETE ON "CaseMessage" BEGIN INSERT INTO "CaseMessageSearch"("CaseMessageSearch", rowid, text) VALUES ('delete', old.id, old.text); END;
