-- The audit log viewer (product.md, Audit log): keyset pages on (timestamp, id) after any one filter
-- read straight from an index, and 'audit' is the target of entries about the log itself.

-- AlterEnum
ALTER TYPE "AuditTarget" ADD VALUE 'audit';

-- DropIndex
DROP INDEX "audit_logs_actor_id_timestamp_idx";

-- DropIndex
DROP INDEX "audit_logs_target_user_id_idx";

-- DropIndex
DROP INDEX "audit_logs_action_timestamp_idx";

-- DropIndex
DROP INDEX "audit_logs_target_timestamp_idx";

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_timestamp_id_idx" ON "audit_logs"("actor_id", "timestamp" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_target_user_id_timestamp_id_idx" ON "audit_logs"("target_user_id", "timestamp" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_action_timestamp_id_idx" ON "audit_logs"("action", "timestamp" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_target_timestamp_id_idx" ON "audit_logs"("target", "timestamp" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_target_target_id_timestamp_id_idx" ON "audit_logs"("target", "target_id", "timestamp" DESC, "id" DESC);

