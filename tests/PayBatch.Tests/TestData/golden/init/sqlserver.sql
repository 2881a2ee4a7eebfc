IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [audit_log] (
        [id] bigint NOT NULL IDENTITY,
        [run_id] nvarchar(max) NOT NULL,
        [command] nvarchar(max) NOT NULL,
        [arguments] nvarchar(max) NOT NULL,
        [user] nvarchar(max) NOT NULL,
        [machine] nvarchar(max) NOT NULL,
        [started_at_utc] datetime2 NOT NULL,
        [finished_at_utc] datetime2 NOT NULL,
        [exit_code] int NOT NULL,
        [input_hashes] nvarchar(max) NOT NULL,
        [changes] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_audit_log] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [batches] (
        [id] bigint NOT NULL IDENTITY,
        [quarter] nvarchar(450) NOT NULL,
        [number] int NOT NULL,
        [kind] nvarchar(max) NOT NULL,
        [value_date] date NOT NULL,
        [mrp] int NOT NULL,
        [coefficient] decimal(9,4) NOT NULL,
        [amount_per_child_tiyn] bigint NOT NULL,
        [count] int NOT NULL,
        [total_tiyn] bigint NOT NULL,
        [excluded] int NOT NULL,
        [written_with] nvarchar(max) NOT NULL,
        [created_at_utc] datetime2 NOT NULL,
        CONSTRAINT [PK_batches] PRIMARY KEY ([id]),
        CONSTRAINT [ck_batches_kind] CHECK ([kind] IN ('run', 'reissue')),
        CONSTRAINT [ck_batches_number] CHECK ([number] BETWEEN 1 AND 99),
        CONSTRAINT [ck_batches_total] CHECK ([total_tiyn] >= 0)
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [cases] (
        [case_id] nvarchar(450) NOT NULL,
        [district] nvarchar(max) NOT NULL,
        [applicant_iin] nvarchar(max) NOT NULL,
        [applicant_name] nvarchar(max) NOT NULL,
        [applicant_role] nvarchar(max) NOT NULL,
        [guardianship_ref] nvarchar(max) NULL,
        [child_iin] nvarchar(450) NOT NULL,
        [child_name] nvarchar(max) NOT NULL,
        [child_birth_date] date NOT NULL,
        [application_date] date NOT NULL,
        [decision_no] nvarchar(max) NOT NULL,
        [decision_date] date NOT NULL,
        [disability_cert_no] nvarchar(max) NOT NULL,
        [disability_valid_to] date NULL,
        [home_education_from] date NOT NULL,
        [home_education_to] date NULL,
        [study_end_date] date NULL,
        [bank_bic] nvarchar(max) NOT NULL,
        [iban] nvarchar(max) NOT NULL,
        [status] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_cases] PRIMARY KEY ([case_id]),
        CONSTRAINT [ck_cases_role] CHECK ([applicant_role] IN ('parent', 'guardian')),
        CONSTRAINT [ck_cases_status] CHECK ([status] IN ('approved', 'suspended', 'terminated'))
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [certificates] (
        [id] bigint NOT NULL IDENTITY,
        [child_iin] nvarchar(450) NOT NULL,
        [quarter] nvarchar(450) NOT NULL,
        [certificate_no] nvarchar(450) NOT NULL,
        [issued_on] date NOT NULL,
        [school] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_certificates] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [batch_files] (
        [id] bigint NOT NULL IDENTITY,
        [batch_id] bigint NOT NULL,
        [bic] nvarchar(max) NOT NULL,
        [file_name] nvarchar(450) NOT NULL,
        [format] nvarchar(max) NOT NULL,
        [count] int NOT NULL,
        [total_tiyn] bigint NOT NULL,
        [sha256] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_batch_files] PRIMARY KEY ([id]),
        CONSTRAINT [FK_batch_files_batches_batch_id] FOREIGN KEY ([batch_id]) REFERENCES [batches] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [exclusions] (
        [id] bigint NOT NULL IDENTITY,
        [batch_id] bigint NOT NULL,
        [quarter] nvarchar(450) NOT NULL,
        [case_id] nvarchar(450) NOT NULL,
        [child_iin] nvarchar(max) NOT NULL,
        [reasons] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_exclusions] PRIMARY KEY ([id]),
        CONSTRAINT [FK_exclusions_batches_batch_id] FOREIGN KEY ([batch_id]) REFERENCES [batches] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [payments] (
        [id] bigint NOT NULL IDENTITY,
        [batch_id] bigint NOT NULL,
        [reference] nvarchar(450) NOT NULL,
        [quarter] nvarchar(450) NOT NULL,
        [sequence] int NOT NULL,
        [case_id] nvarchar(max) NOT NULL,
        [district] nvarchar(max) NOT NULL,
        [child_iin] nvarchar(450) NOT NULL,
        [applicant_iin] nvarchar(max) NOT NULL,
        [applicant_name] nvarchar(max) NOT NULL,
        [iban] nvarchar(max) NOT NULL,
        [bic] nvarchar(max) NOT NULL,
        [amount_tiyn] bigint NOT NULL,
        [status] nvarchar(max) NOT NULL,
        [credited_on] date NULL,
        [status_reason] nvarchar(max) NULL,
        [replaces_payment_id] bigint NULL,
        CONSTRAINT [PK_payments] PRIMARY KEY ([id]),
        CONSTRAINT [ck_payments_amount] CHECK ([amount_tiyn] > 0),
        CONSTRAINT [ck_payments_credited_on] CHECK (([status] = 'credited' AND [credited_on] IS NOT NULL) OR ([status] <> 'credited' AND [credited_on] IS NULL)),
        CONSTRAINT [ck_payments_status] CHECK ([status] IN ('issued', 'credited', 'rejected')),
        CONSTRAINT [FK_payments_batches_batch_id] FOREIGN KEY ([batch_id]) REFERENCES [batches] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_payments_payments_replaces_payment_id] FOREIGN KEY ([replaces_payment_id]) REFERENCES [payments] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [bank_detail_changes] (
        [id] bigint NOT NULL IDENTITY,
        [case_id] nvarchar(450) NOT NULL,
        [old_bank_bic] nvarchar(max) NOT NULL,
        [old_iban] nvarchar(max) NOT NULL,
        [new_bank_bic] nvarchar(max) NOT NULL,
        [new_iban] nvarchar(max) NOT NULL,
        [changed_at_utc] datetime2 NOT NULL,
        CONSTRAINT [PK_bank_detail_changes] PRIMARY KEY ([id]),
        CONSTRAINT [FK_bank_detail_changes_cases_case_id] FOREIGN KEY ([case_id]) REFERENCES [cases] ([case_id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE TABLE [confirmations] (
        [id] bigint NOT NULL IDENTITY,
        [file] nvarchar(max) NOT NULL,
        [file_sha256] nvarchar(450) NOT NULL,
        [line] int NOT NULL,
        [reference] nvarchar(max) NOT NULL,
        [payment_id] bigint NULL,
        [status] nvarchar(max) NOT NULL,
        [credited_on] date NULL,
        [amount_tiyn] bigint NULL,
        [iban] nvarchar(max) NULL,
        [reason] nvarchar(max) NULL,
        [outcome] nvarchar(max) NOT NULL,
        [read_at_utc] datetime2 NOT NULL,
        CONSTRAINT [PK_confirmations] PRIMARY KEY ([id]),
        CONSTRAINT [FK_confirmations_payments_payment_id] FOREIGN KEY ([payment_id]) REFERENCES [payments] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE INDEX [IX_audit_log_started_at_utc] ON [audit_log] ([started_at_utc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE INDEX [IX_bank_detail_changes_case_id] ON [bank_detail_changes] ([case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_batch_files_batch_id_file_name] ON [batch_files] ([batch_id], [file_name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_batches_quarter_number] ON [batches] ([quarter], [number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE INDEX [IX_cases_child_iin] ON [cases] ([child_iin]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_certificates_quarter_child_iin_certificate_no] ON [certificates] ([quarter], [child_iin], [certificate_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_confirmations_file_sha256_line] ON [confirmations] ([file_sha256], [line]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE INDEX [IX_confirmations_payment_id] ON [confirmations] ([payment_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_exclusions_batch_id_case_id] ON [exclusions] ([batch_id], [case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE INDEX [IX_exclusions_quarter] ON [exclusions] ([quarter]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE INDEX [IX_payments_batch_id] ON [payments] ([batch_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_payments_reference] ON [payments] ([reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_payments_replaces_payment_id] ON [payments] ([replaces_payment_id]) WHERE [replaces_payment_id] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ux_payments_live_child_quarter] ON [payments] ([quarter], [child_iin]) WHERE [status] <> ''rejected''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123113110_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123113110_Initial', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    DROP INDEX [ux_payments_live_child_quarter] ON [payments];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    ALTER TABLE [payments] DROP CONSTRAINT [ck_payments_credited_on];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    ALTER TABLE [payments] DROP CONSTRAINT [ck_payments_status];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    CREATE TABLE [statement_entries] (
        [id] bigint NOT NULL IDENTITY,
        [entry_key] nvarchar(450) NOT NULL,
        [file] nvarchar(max) NOT NULL,
        [file_sha256] nvarchar(max) NOT NULL,
        [line] int NOT NULL,
        [location] nvarchar(max) NOT NULL,
        [kind] nvarchar(max) NOT NULL,
        [reference] nvarchar(max) NOT NULL,
        [batch_id] bigint NULL,
        [payment_id] bigint NULL,
        [amount_tiyn] bigint NOT NULL,
        [booked_on] date NULL,
        [reason] nvarchar(max) NULL,
        [outcome] nvarchar(max) NOT NULL,
        [read_at_utc] datetime2 NOT NULL,
        CONSTRAINT [PK_statement_entries] PRIMARY KEY ([id]),
        CONSTRAINT [ck_statement_entries_kind] CHECK ([kind] IN ('debit', 'return')),
        CONSTRAINT [FK_statement_entries_batches_batch_id] FOREIGN KEY ([batch_id]) REFERENCES [batches] ([id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_statement_entries_payments_payment_id] FOREIGN KEY ([payment_id]) REFERENCES [payments] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    CREATE TABLE [statements] (
        [id] bigint NOT NULL IDENTITY,
        [file] nvarchar(max) NOT NULL,
        [file_sha256] nvarchar(450) NOT NULL,
        [line] int NOT NULL,
        [statement_id] nvarchar(max) NOT NULL,
        [opening_date] date NOT NULL,
        [closing_date] date NOT NULL,
        [opening_tiyn] bigint NOT NULL,
        [closing_tiyn] bigint NOT NULL,
        [read_at_utc] datetime2 NOT NULL,
        CONSTRAINT [PK_statements] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ux_payments_live_child_quarter] ON [payments] ([quarter], [child_iin]) WHERE [status] <> ''rejected'' AND [status] <> ''returned''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    EXEC(N'ALTER TABLE [payments] ADD CONSTRAINT [ck_payments_credited_on] CHECK (([status] = ''credited'' AND [credited_on] IS NOT NULL) OR [status] = ''returned'' OR ([status] NOT IN (''credited'', ''returned'') AND [credited_on] IS NULL))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    EXEC(N'ALTER TABLE [payments] ADD CONSTRAINT [ck_payments_status] CHECK ([status] IN (''issued'', ''credited'', ''rejected'', ''returned''))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    CREATE INDEX [IX_statement_entries_batch_id] ON [statement_entries] ([batch_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    CREATE UNIQUE INDEX [IX_statement_entries_entry_key] ON [statement_entries] ([entry_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    CREATE INDEX [IX_statement_entries_payment_id] ON [statement_entries] ([payment_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    CREATE UNIQUE INDEX [IX_statements_file_sha256_line] ON [statements] ([file_sha256], [line]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130641_AccountStatements'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126130641_AccountStatements', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    DROP INDEX [IX_payments_replaces_payment_id] ON [payments];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    DROP INDEX [ux_payments_live_child_quarter] ON [payments];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [payments] DROP CONSTRAINT [ck_payments_status];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [cancel_reason] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [cancelled_at_utc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [cancelled_by] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [prepared_by] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [prepared_by_db_login] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [released_at_utc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    ALTER TABLE [batches] ADD [state] nvarchar(max) NOT NULL DEFAULT N'released';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    CREATE TABLE [batch_signatures] (
        [id] bigint NOT NULL IDENTITY,
        [batch_id] bigint NOT NULL,
        [role] nvarchar(450) NOT NULL,
        [iin] nvarchar(450) NOT NULL,
        [name] nvarchar(max) NOT NULL,
        [thumbprint] nvarchar(max) NOT NULL,
        [signed_at_utc] datetime2 NOT NULL,
        [signed_by] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_batch_signatures] PRIMARY KEY ([id]),
        CONSTRAINT [ck_batch_signatures_role] CHECK ([role] IN ('first', 'second')),
        CONSTRAINT [FK_batch_signatures_batches_batch_id] FOREIGN KEY ([batch_id]) REFERENCES [batches] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_payments_replaces_payment_id] ON [payments] ([replaces_payment_id]) WHERE [replaces_payment_id] IS NOT NULL AND [status] <> ''cancelled''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ux_payments_live_child_quarter] ON [payments] ([quarter], [child_iin]) WHERE [status] NOT IN (''rejected'', ''returned'', ''cancelled'')');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    EXEC(N'ALTER TABLE [payments] ADD CONSTRAINT [ck_payments_status] CHECK ([status] IN (''issued'', ''credited'', ''rejected'', ''returned'', ''cancelled''))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    EXEC(N'ALTER TABLE [batches] ADD CONSTRAINT [ck_batches_state] CHECK ([state] IN (''prepared'', ''released'', ''cancelled''))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    CREATE UNIQUE INDEX [IX_batch_signatures_batch_id_iin] ON [batch_signatures] ([batch_id], [iin]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    CREATE UNIQUE INDEX [IX_batch_signatures_batch_id_role] ON [batch_signatures] ([batch_id], [role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126145702_BatchRelease'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126145702_BatchRelease', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126161040_ReconcileFindings'
)
BEGIN
    CREATE TABLE [reconcile_findings] (
        [id] bigint NOT NULL IDENTITY,
        [quarter] nvarchar(450) NOT NULL,
        [file] nvarchar(max) NOT NULL,
        [line] int NULL,
        [reference] nvarchar(max) NOT NULL,
        [code] nvarchar(max) NOT NULL,
        [detail] nvarchar(max) NOT NULL,
        [reconciled_at_utc] datetime2 NOT NULL,
        CONSTRAINT [PK_reconcile_findings] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126161040_ReconcileFindings'
)
BEGIN
    CREATE INDEX [IX_reconcile_findings_quarter] ON [reconcile_findings] ([quarter]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126161040_ReconcileFindings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126161040_ReconcileFindings', N'10.0.14');
END;

COMMIT;
GO

