CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "audit_log" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "run_id" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "arguments" TEXT NOT NULL,
    "user" TEXT NOT NULL,
    "machine" TEXT NOT NULL,
    "started_at_utc" TEXT NOT NULL,
    "finished_at_utc" TEXT NOT NULL,
    "exit_code" INTEGER NOT NULL,
    "input_hashes" TEXT NOT NULL,
    "changes" TEXT NOT NULL
);

CREATE TABLE "batches" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_batches" PRIMARY KEY AUTOINCREMENT,
    "quarter" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value_date" TEXT NOT NULL,
    "mrp" INTEGER NOT NULL,
    "coefficient" TEXT NOT NULL,
    "amount_per_child_tiyn" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "total_tiyn" INTEGER NOT NULL,
    "excluded" INTEGER NOT NULL,
    "written_with" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    CONSTRAINT "ck_batches_kind" CHECK ("kind" IN ('run', 'reissue')),
    CONSTRAINT "ck_batches_number" CHECK ("number" BETWEEN 1 AND 99),
    CONSTRAINT "ck_batches_total" CHECK ("total_tiyn" >= 0)
);

CREATE TABLE "cases" (
    "case_id" TEXT NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY,
    "district" TEXT NOT NULL,
    "applicant_iin" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_role" TEXT NOT NULL,
    "guardianship_ref" TEXT NULL,
    "child_iin" TEXT NOT NULL,
    "child_name" TEXT NOT NULL,
    "child_birth_date" TEXT NOT NULL,
    "application_date" TEXT NOT NULL,
    "decision_no" TEXT NOT NULL,
    "decision_date" TEXT NOT NULL,
    "disability_cert_no" TEXT NOT NULL,
    "disability_valid_to" TEXT NULL,
    "home_education_from" TEXT NOT NULL,
    "home_education_to" TEXT NULL,
    "study_end_date" TEXT NULL,
    "bank_bic" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "ck_cases_role" CHECK ("applicant_role" IN ('parent', 'guardian')),
    CONSTRAINT "ck_cases_status" CHECK ("status" IN ('approved', 'suspended', 'terminated'))
);

CREATE TABLE "certificates" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_certificates" PRIMARY KEY AUTOINCREMENT,
    "child_iin" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "certificate_no" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "school" TEXT NOT NULL
);

CREATE TABLE "batch_files" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_batch_files" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "bic" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "total_tiyn" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    CONSTRAINT "FK_batch_files_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT
);

CREATE TABLE "exclusions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_exclusions" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "child_iin" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    CONSTRAINT "FK_exclusions_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT
);

CREATE TABLE "payments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payments" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "case_id" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "child_iin" TEXT NOT NULL,
    "applicant_iin" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT NOT NULL,
    "amount_tiyn" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "credited_on" TEXT NULL,
    "status_reason" TEXT NULL,
    "replaces_payment_id" INTEGER NULL,
    CONSTRAINT "ck_payments_amount" CHECK ("amount_tiyn" > 0),
    CONSTRAINT "ck_payments_credited_on" CHECK (("status" = 'credited' AND "credited_on" IS NOT NULL) OR ("status" <> 'credited' AND "credited_on" IS NULL)),
    CONSTRAINT "ck_payments_status" CHECK ("status" IN ('issued', 'credited', 'rejected')),
    CONSTRAINT "FK_payments_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_payments_payments_replaces_payment_id" FOREIGN KEY ("replaces_payment_id") REFERENCES "payments" ("id") ON DELETE RESTRICT
);

CREATE TABLE "bank_detail_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_bank_detail_changes" PRIMARY KEY AUTOINCREMENT,
    "case_id" TEXT NOT NULL,
    "old_bank_bic" TEXT NOT NULL,
    "old_iban" TEXT NOT NULL,
    "new_bank_bic" TEXT NOT NULL,
    "new_iban" TEXT NOT NULL,
    "changed_at_utc" TEXT NOT NULL,
    CONSTRAINT "FK_bank_detail_changes_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("case_id") ON DELETE RESTRICT
);

CREATE TABLE "confirmations" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_confirmations" PRIMARY KEY AUTOINCREMENT,
    "file" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "payment_id" INTEGER NULL,
    "status" TEXT NOT NULL,
    "credited_on" TEXT NULL,
    "amount_tiyn" INTEGER NULL,
    "iban" TEXT NULL,
    "reason" TEXT NULL,
    "outcome" TEXT NOT NULL,
    "read_at_utc" TEXT NOT NULL,
    CONSTRAINT "FK_confirmations_payments_payment_id" FOREIGN KEY ("payment_id") REFERENCES "payments" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_audit_log_started_at_utc" ON "audit_log" ("started_at_utc");

CREATE INDEX "IX_bank_detail_changes_case_id" ON "bank_detail_changes" ("case_id");

CREATE UNIQUE INDEX "IX_batch_files_batch_id_file_name" ON "batch_files" ("batch_id", "file_name");

CREATE UNIQUE INDEX "IX_batches_quarter_number" ON "batches" ("quarter", "number");

CREATE INDEX "IX_cases_child_iin" ON "cases" ("child_iin");

CREATE UNIQUE INDEX "IX_certificates_quarter_child_iin_certificate_no" ON "certificates" ("quarter", "child_iin", "certificate_no");

CREATE UNIQUE INDEX "IX_confirmations_file_sha256_line" ON "confirmations" ("file_sha256", "line");

CREATE INDEX "IX_confirmations_payment_id" ON "confirmations" ("payment_id");

CREATE UNIQUE INDEX "IX_exclusions_batch_id_case_id" ON "exclusions" ("batch_id", "case_id");

CREATE INDEX "IX_exclusions_quarter" ON "exclusions" ("quarter");

CREATE INDEX "IX_payments_batch_id" ON "payments" ("batch_id");

CREATE UNIQUE INDEX "IX_payments_reference" ON "payments" ("reference");

CREATE UNIQUE INDEX "IX_payments_replaces_payment_id" ON "payments" ("replaces_payment_id") WHERE "replaces_payment_id" IS NOT NULL;

CREATE UNIQUE INDEX "ux_payments_live_child_quarter" ON "payments" ("quarter", "child_iin") WHERE "status" <> 'rejected';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123113055_Initial', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "ux_payments_live_child_quarter";

CREATE TABLE "statement_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_statement_entries" PRIMARY KEY AUTOINCREMENT,
    "entry_key" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "batch_id" INTEGER NULL,
    "payment_id" INTEGER NULL,
    "amount_tiyn" INTEGER NOT NULL,
    "booked_on" TEXT NULL,
    "reason" TEXT NULL,
    "outcome" TEXT NOT NULL,
    "read_at_utc" TEXT NOT NULL,
    CONSTRAINT "ck_statement_entries_kind" CHECK ("kind" IN ('debit', 'return')),
    CONSTRAINT "FK_statement_entries_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_statement_entries_payments_payment_id" FOREIGN KEY ("payment_id") REFERENCES "payments" ("id") ON DELETE RESTRICT
);

CREATE TABLE "statements" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_statements" PRIMARY KEY AUTOINCREMENT,
    "file" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "statement_id" TEXT NOT NULL,
    "opening_date" TEXT NOT NULL,
    "closing_date" TEXT NOT NULL,
    "opening_tiyn" INTEGER NOT NULL,
    "closing_tiyn" INTEGER NOT NULL,
    "read_at_utc" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ux_payments_live_child_quarter" ON "payments" ("quarter", "child_iin") WHERE "status" <> 'rejected' AND "status" <> 'returned';

CREATE INDEX "IX_statement_entries_batch_id" ON "statement_entries" ("batch_id");

CREATE UNIQUE INDEX "IX_statement_entries_entry_key" ON "statement_entries" ("entry_key");

CREATE INDEX "IX_statement_entries_payment_id" ON "statement_entries" ("payment_id");

CREATE UNIQUE INDEX "IX_statements_file_sha256_line" ON "statements" ("file_sha256", "line");

CREATE TABLE "ef_temp_payments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payments" PRIMARY KEY AUTOINCREMENT,
    "amount_tiyn" INTEGER NOT NULL,
    "applicant_iin" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "bic" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "child_iin" TEXT NOT NULL,
    "credited_on" TEXT NULL,
    "district" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "replaces_payment_id" INTEGER NULL,
    "sequence" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "status_reason" TEXT NULL,
    CONSTRAINT "ck_payments_amount" CHECK ("amount_tiyn" > 0),
    CONSTRAINT "ck_payments_credited_on" CHECK (("status" = 'credited' AND "credited_on" IS NOT NULL) OR "status" = 'returned' OR ("status" NOT IN ('credited', 'returned') AND "credited_on" IS NULL)),
    CONSTRAINT "ck_payments_status" CHECK ("status" IN ('issued', 'credited', 'rejected', 'returned')),
    CONSTRAINT "FK_payments_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_payments_payments_replaces_payment_id" FOREIGN KEY ("replaces_payment_id") REFERENCES "payments" ("id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_payments" ("id", "amount_tiyn", "applicant_iin", "applicant_name", "batch_id", "bic", "case_id", "child_iin", "credited_on", "district", "iban", "quarter", "reference", "replaces_payment_id", "sequence", "status", "status_reason")
SELECT "id", "amount_tiyn", "applicant_iin", "applicant_name", "batch_id", "bic", "case_id", "child_iin", "credited_on", "district", "iban", "quarter", "reference", "replaces_payment_id", "sequence", "status", "status_reason"
FROM "payments";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "payments";

ALTER TABLE "ef_temp_payments" RENAME TO "payments";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_payments_batch_id" ON "payments" ("batch_id");

CREATE UNIQUE INDEX "IX_payments_reference" ON "payments" ("reference");

CREATE UNIQUE INDEX "IX_payments_replaces_payment_id" ON "payments" ("replaces_payment_id") WHERE "replaces_payment_id" IS NOT NULL;

CREATE UNIQUE INDEX "ux_payments_live_child_quarter" ON "payments" ("quarter", "child_iin") WHERE "status" <> 'rejected' AND "status" <> 'returned';

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126130243_AccountStatements', '10.0.14');

BEGIN TRANSACTION;
DROP INDEX "IX_payments_replaces_payment_id";

DROP INDEX "ux_payments_live_child_quarter";

ALTER TABLE "batches" ADD "cancel_reason" TEXT NULL;

ALTER TABLE "batches" ADD "cancelled_at_utc" TEXT NULL;

ALTER TABLE "batches" ADD "cancelled_by" TEXT NULL;

ALTER TABLE "batches" ADD "prepared_by" TEXT NOT NULL DEFAULT '';

ALTER TABLE "batches" ADD "prepared_by_db_login" TEXT NULL;

ALTER TABLE "batches" ADD "released_at_utc" TEXT NULL;

ALTER TABLE "batches" ADD "state" TEXT NOT NULL DEFAULT 'released';

CREATE TABLE "batch_signatures" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_batch_signatures" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "iin" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "thumbprint" TEXT NOT NULL,
    "signed_at_utc" TEXT NOT NULL,
    "signed_by" TEXT NOT NULL,
    CONSTRAINT "ck_batch_signatures_role" CHECK ("role" IN ('first', 'second')),
    CONSTRAINT "FK_batch_signatures_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_payments_replaces_payment_id" ON "payments" ("replaces_payment_id") WHERE "replaces_payment_id" IS NOT NULL AND "status" <> 'cancelled';

CREATE UNIQUE INDEX "ux_payments_live_child_quarter" ON "payments" ("quarter", "child_iin") WHERE "status" NOT IN ('rejected', 'returned', 'cancelled');

CREATE UNIQUE INDEX "IX_batch_signatures_batch_id_iin" ON "batch_signatures" ("batch_id", "iin");

CREATE UNIQUE INDEX "IX_batch_signatures_batch_id_role" ON "batch_signatures" ("batch_id", "role");

CREATE TABLE "ef_temp_payments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payments" PRIMARY KEY AUTOINCREMENT,
    "amount_tiyn" INTEGER NOT NULL,
    "applicant_iin" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "bic" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "child_iin" TEXT NOT NULL,
    "credited_on" TEXT NULL,
    "district" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "replaces_payment_id" INTEGER NULL,
    "sequence" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "status_reason" TEXT NULL,
    CONSTRAINT "ck_payments_amount" CHECK ("amount_tiyn" > 0),
    CONSTRAINT "ck_payments_credited_on" CHECK (("status" = 'credited' AND "credited_on" IS NOT NULL) OR "status" = 'returned' OR ("status" NOT IN ('credited', 'returned') AND "credited_on" IS NULL)),
    CONSTRAINT "ck_payments_status" CHECK ("status" IN ('issued', 'credited', 'rejected', 'returned', 'cancelled')),
    CONSTRAINT "FK_payments_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_payments_payments_replaces_payment_id" FOREIGN KEY ("replaces_payment_id") REFERENCES "payments" ("id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_payments" ("id", "amount_tiyn", "applicant_iin", "applicant_name", "batch_id", "bic", "case_id", "child_iin", "credited_on", "district", "iban", "quarter", "reference", "replaces_payment_id", "sequence", "status", "status_reason")
SELECT "id", "amount_tiyn", "applicant_iin", "applicant_name", "batch_id", "bic", "case_id", "child_iin", "credited_on", "district", "iban", "quarter", "reference", "replaces_payment_id", "sequence", "status", "status_reason"
FROM "payments";

CREATE TABLE "ef_temp_batches" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_batches" PRIMARY KEY AUTOINCREMENT,
    "amount_per_child_tiyn" INTEGER NOT NULL,
    "cancel_reason" TEXT NULL,
    "cancelled_at_utc" TEXT NULL,
    "cancelled_by" TEXT NULL,
    "coefficient" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "excluded" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "mrp" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "prepared_by" TEXT NOT NULL,
    "prepared_by_db_login" TEXT NULL,
    "quarter" TEXT NOT NULL,
    "released_at_utc" TEXT NULL,
    "state" TEXT NOT NULL DEFAULT 'released',
    "total_tiyn" INTEGER NOT NULL,
    "value_date" TEXT NOT NULL,
    "written_with" TEXT NOT NULL,
    CONSTRAINT "ck_batches_kind" CHECK ("kind" IN ('run', 'reissue')),
    CONSTRAINT "ck_batches_number" CHECK ("number" BETWEEN 1 AND 99),
    CONSTRAINT "ck_batches_state" CHECK ("state" IN ('prepared', 'released', 'cancelled')),
    CONSTRAINT "ck_batches_total" CHECK ("total_tiyn" >= 0)
);

INSERT INTO "ef_temp_batches" ("id", "amount_per_child_tiyn", "cancel_reason", "cancelled_at_utc", "cancelled_by", "coefficient", "count", "created_at_utc", "excluded", "kind", "mrp", "number", "prepared_by", "prepared_by_db_login", "quarter", "released_at_utc", "state", "total_tiyn", "value_date", "written_with")
SELECT "id", "amount_per_child_tiyn", "cancel_reason", "cancelled_at_utc", "cancelled_by", "coefficient", "count", "created_at_utc", "excluded", "kind", "mrp", "number", "prepared_by", "prepared_by_db_login", "quarter", "released_at_utc", "state", "total_tiyn", "value_date", "written_with"
FROM "batches";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "payments";

ALTER TABLE "ef_temp_payments" RENAME TO "payments";

DROP TABLE "batches";

ALTER TABLE "ef_temp_batches" RENAME TO "batches";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_payments_batch_id" ON "payments" ("batch_id");

CREATE UNIQUE INDEX "IX_payments_reference" ON "payments" ("reference");

CREATE UNIQUE INDEX "IX_payments_replaces_payment_id" ON "payments" ("replaces_payment_id") WHERE "replaces_payment_id" IS NOT NULL AND "status" <> 'cancelled';

CREATE UNIQUE INDEX "ux_payments_live_child_quarter" ON "payments" ("quarter", "child_iin") WHERE "status" NOT IN ('rejected', 'returned', 'cancelled');

CREATE UNIQUE INDEX "IX_batches_quarter_number" ON "batches" ("quarter", "number");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126145535_BatchRelease', '10.0.14');

BEGIN TRANSACTION;
CREATE TABLE "reconcile_findings" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_reconcile_findings" PRIMARY KEY AUTOINCREMENT,
    "quarter" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NULL,
    "reference" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "reconciled_at_utc" TEXT NOT NULL
);

CREATE INDEX "IX_reconcile_findings_quarter" ON "reconcile_findings" ("quarter");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126160928_ReconcileFindings', '10.0.14');

COMMIT;

