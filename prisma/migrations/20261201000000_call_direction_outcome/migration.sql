-- A call is described once, by its direction and its outcome, instead of a type and a status that
-- both offered "missed" and "voicemail" and could contradict each other (product.md, Calls: direction
-- and outcome; docs/decisions/0018-call-direction-and-outcome.md).
--
-- Every existing row is converted by one rule:
--   call_type missed | voicemail  -> inbound, outcome = the type (the type said what happened);
--   call_type inbound | outbound  -> that direction, outcome = the status,
--                                    except inbound + busy -> missed (busy is outbound only);
--   duration_secs is kept only when the outcome has one (answered, voicemail), else 0.
-- So a contradictory row (type missed, status answered, 300 s) becomes an inbound missed call of 0 s.

-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('answered', 'missed', 'busy', 'voicemail');

-- AlterTable
ALTER TABLE "calls" ADD COLUMN "direction" "CallDirection",
ADD COLUMN "outcome" "CallOutcome";

-- Hand-written: the old type and status become direction and outcome.
UPDATE "calls" SET
  "direction" = (CASE WHEN "call_type" = 'outbound' THEN 'outbound' ELSE 'inbound' END)::"CallDirection",
  "outcome" = (CASE
    WHEN "call_type" IN ('missed', 'voicemail') THEN "call_type"::text
    WHEN "call_type" = 'inbound' AND "status" = 'busy' THEN 'missed'
    ELSE "status"::text
  END)::"CallOutcome";

-- Hand-written: a call that was not answered has no talk time (a voicemail's duration is the message).
UPDATE "calls" SET "duration_secs" = 0 WHERE "outcome" NOT IN ('answered', 'voicemail') AND "duration_secs" <> 0;

ALTER TABLE "calls" ALTER COLUMN "direction" SET NOT NULL,
ALTER COLUMN "outcome" SET NOT NULL;

-- DropIndex
DROP INDEX "calls_call_type_called_at_idx";

-- DropIndex
DROP INDEX "calls_status_called_at_idx";

-- AlterTable
ALTER TABLE "calls" DROP COLUMN "call_type",
DROP COLUMN "status";

-- DropEnum
DROP TYPE "CallType";

-- DropEnum
DROP TYPE "CallStatus";

-- CreateIndex
CREATE INDEX "calls_direction_called_at_id_idx" ON "calls"("direction", "called_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "calls_outcome_called_at_id_idx" ON "calls"("outcome", "called_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "calls_direction_outcome_called_at_id_idx" ON "calls"("direction", "outcome", "called_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "calls_outcome_duration_secs_called_at_id_idx" ON "calls"("outcome", "duration_secs", "called_at", "id");

-- Hand-written: only answered calls and voicemails have a duration; busy is for outbound calls.
ALTER TABLE "calls" ADD CONSTRAINT "calls_duration_needs_answer" CHECK ("duration_secs" = 0 OR "outcome" IN ('answered', 'voicemail'));
ALTER TABLE "calls" ADD CONSTRAINT "calls_busy_is_outbound" CHECK ("outcome" <> 'busy' OR "direction" = 'outbound');
