-- The scorer's comment gets its own column (product.md, Interviews: score): scoring used to write the
-- comment over the notes written when the interview was booked. Existing notes stay as notes (we
-- cannot tell a booking note from a comment written over it); existing scores keep no comment.
ALTER TABLE "interviews" ADD COLUMN "score_comment" TEXT;
