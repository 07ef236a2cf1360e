-- CreateEnum
CREATE TYPE "ContractKind" AS ENUM ('initial', 'renewal');

-- CreateEnum
CREATE TYPE "RenewalAnswer" AS ENUM ('continue', 'considering', 'decline');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('purchase', 'addition', 'reserve', 'consume', 'release', 'adjust');

-- CreateEnum
CREATE TYPE "LevelReason" AS ENUM ('reproduction', 'report');

-- CreateEnum
CREATE TYPE "AuthorRole" AS ENUM ('customer', 'engineer', 'internal');

-- CreateEnum
CREATE TYPE "CaseEventKind" AS ENUM ('opened', 'assigned', 'expected_date_set', 'level_raised', 'level_lowered', 'split', 'proposal_made', 'proposal_approved', 'proposal_declined', 'first_response_reminded', 'first_response_overdue', 'delay_notice', 'auto_close_reminded', 'resolve', 'auto_close', 'cancel_defect', 'decline_scope', 'report_saved', 'report_approved', 'report_changes_requested', 'report_delivered', 'rated', 'rating_comment');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('level_a', 'split');

-- CreateEnum
CREATE TYPE "InboundEventKind" AS ENUM ('message', 'member_joined_channel');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('case.root', 'case.refresh', 'case.notice', 'triage.root', 'triage.refresh', 'triage.notice', 'closed.reply', 'channel.entry', 'channel.notice', 'case.offer', 'case.linked', 'proposal.request', 'proposal.refresh', 'renewal.notice', 'renewal.refresh', 'thread.notice', 'purchase.notice', 'request.post', 'request.refresh', 'request.notice', 'rating.request', 'rating.refresh', 'digest.post', 'digest.chart', 'person.notifications');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('assigned', 'customer_message', 'first_response_soon', 'first_response_overdue', 'proposal_approved', 'proposal_declined', 'auto_close_tomorrow', 'rated');

-- CreateEnum
CREATE TYPE "NotificationTopic" AS ENUM ('assigned', 'customer_message', 'first_response', 'proposal', 'auto_close', 'rated');

-- Each column keeps its values: converted in place (a value outside its enum stops the migration, which changes
-- nothing then, rather than being lost).
-- AlterTable
ALTER TABLE "Contract" ALTER COLUMN "kind" DROP DEFAULT,
ALTER COLUMN "kind" TYPE "ContractKind" USING "kind"::"ContractKind",
ALTER COLUMN "kind" SET DEFAULT 'initial',
ALTER COLUMN "renewalAnswer" TYPE "RenewalAnswer" USING "renewalAnswer"::"RenewalAnswer";

-- AlterTable
ALTER TABLE "LedgerEntry" ALTER COLUMN "kind" TYPE "LedgerKind" USING "kind"::"LedgerKind";

-- AlterTable
ALTER TABLE "LedgerTotal" ALTER COLUMN "kind" TYPE "LedgerKind" USING "kind"::"LedgerKind";

-- AlterTable
ALTER TABLE "Case" ALTER COLUMN "levelReason" TYPE "LevelReason" USING "levelReason"::"LevelReason";

-- AlterTable
ALTER TABLE "CaseMessage" ALTER COLUMN "authorRole" TYPE "AuthorRole" USING "authorRole"::"AuthorRole";

-- AlterTable
ALTER TABLE "CaseEvent" ALTER COLUMN "kind" TYPE "CaseEventKind" USING "kind"::"CaseEventKind";

-- A level A proposal was stored as "level_a:<reason>": the reason gets its own column.
-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "levelReason" "LevelReason";
UPDATE "Proposal" SET "levelReason" = split_part("kind", ':', 2)::"LevelReason", "kind" = 'level_a' WHERE "kind" LIKE 'level\_a:%';
ALTER TABLE "Proposal" ALTER COLUMN "kind" TYPE "ProposalKind" USING "kind"::"ProposalKind";

-- AlterTable
ALTER TABLE "InboundEvent" ALTER COLUMN "kind" TYPE "InboundEventKind" USING "kind"::"InboundEventKind";

-- AlterTable
ALTER TABLE "OutboxMessage" ALTER COLUMN "kind" TYPE "OutboxKind" USING "kind"::"OutboxKind",
ALTER COLUMN "payload" TYPE JSONB USING "payload"::jsonb;

-- AlterTable
ALTER TABLE "CaseFile" ALTER COLUMN "authorRole" TYPE "AuthorRole" USING "authorRole"::"AuthorRole";

-- AlterTable
ALTER TABLE "PersonalNotification" ALTER COLUMN "kind" TYPE "NotificationKind" USING "kind"::"NotificationKind";

-- AlterTable
ALTER TABLE "NotificationPreference" ALTER COLUMN "kind" TYPE "NotificationTopic" USING "kind"::"NotificationTopic";
