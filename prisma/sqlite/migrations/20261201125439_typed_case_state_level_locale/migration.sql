-- Case state, case level and language become enums. SQLite keeps them as text, so the stored values stay as they
-- are; the client now reads them as the enums' values and refuses to write any other.

-- A language the app never wrote was always read as Japanese: it now says so.
UPDATE "CustomerChannel" SET "locale" = 'ja' WHERE "locale" NOT IN ('ja', 'en');

UPDATE "ReportVersion" SET "locale" = 'ja' WHERE "locale" NOT IN ('ja', 'en');
