-- A filter on the list's default order answers from one index (product.md, Performance):
-- users by role or status sorted by name; candidates by status or position, newest first.
CREATE INDEX "users_role_full_name_id_idx" ON "users"("role", "full_name", "id");
CREATE INDEX "users_active_full_name_id_idx" ON "users"("active", "full_name", "id");
CREATE INDEX "candidates_status_created_at_idx" ON "candidates"("status", "created_at" DESC);
CREATE INDEX "candidates_position_created_at_idx" ON "candidates"("position", "created_at" DESC);
-- Calls sorted by duration or caller: ties by time then id, in the sort's direction (one index, read
-- forwards or backwards).
DROP INDEX "calls_duration_secs_idx";
DROP INDEX "calls_caller_name_idx";
CREATE INDEX "calls_duration_secs_called_at_id_idx" ON "calls"("duration_secs", "called_at", "id");
CREATE INDEX "calls_caller_name_called_at_id_idx" ON "calls"("caller_name", "called_at", "id");
