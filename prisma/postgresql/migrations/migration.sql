-- The JSON the app kept in text columns (what a case or contract event says, a split's parts, what a notification
-- says) becomes JSONB. The columns change type in place, so every row keeps its value (a DROP and ADD of the
-- columns, as a plain diff would write, would lose them); every value the app wrote is a JSON text.

-- AlterTable
ALTER TABLE "ContractEvent" ALTER COLUMN "data" TYPE JSONB USING ("data"::jsonb);

-- AlterTable
ALTER TABLE "CaseEvent" ALTER COLUMN "data" TYPE JSONB USING ("data"::jsonb);

-- AlterTable
ALTER TABLE "Proposal" ALTER COLUMN "parts" TYPE JSONB USING ("parts"::jsonb);

-- AlterTable
ALTER TABLE "PersonalNotification" ALTER COLUMN "data" TYPE JSONB USING ("data"::jsonb);
