-- Accounts remember the last IPs they signed in from (product.md, Security baseline: rate limits).

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "known_sign_in_ips" TEXT[] DEFAULT ARRAY[]::TEXT[];

