using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PayBatch.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<string>(type: "text", nullable: false),
                    command = table.Column<string>(type: "text", nullable: false),
                    arguments = table.Column<string>(type: "text", nullable: false),
                    user = table.Column<string>(type: "text", nullable: false),
                    machine = table.Column<string>(type: "text", nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    exit_code = table.Column<int>(type: "integer", nullable: false),
                    input_hashes = table.Column<string>(type: "text", nullable: false),
                    changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    value_date = table.Column<DateOnly>(type: "date", nullable: false),
                    mrp = table.Column<int>(type: "integer", nullable: false),
                    coefficient = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    amount_per_child_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    total_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    excluded = table.Column<int>(type: "integer", nullable: false),
                    written_with = table.Column<string>(type: "text", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.id);
                    table.CheckConstraint("ck_batches_kind", "\"kind\" IN ('run', 'reissue')");
                    table.CheckConstraint("ck_batches_number", "\"number\" BETWEEN 1 AND 99");
                    table.CheckConstraint("ck_batches_total", "\"total_tiyn\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    case_id = table.Column<string>(type: "text", nullable: false),
                    district = table.Column<string>(type: "text", nullable: false),
                    applicant_iin = table.Column<string>(type: "text", nullable: false),
                    applicant_name = table.Column<string>(type: "text", nullable: false),
                    applicant_role = table.Column<string>(type: "text", nullable: false),
                    guardianship_ref = table.Column<string>(type: "text", nullable: true),
                    child_iin = table.Column<string>(type: "text", nullable: false),
                    child_name = table.Column<string>(type: "text", nullable: false),
                    child_birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    application_date = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_no = table.Column<string>(type: "text", nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    disability_cert_no = table.Column<string>(type: "text", nullable: false),
                    disability_valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    home_education_from = table.Column<DateOnly>(type: "date", nullable: false),
                    home_education_to = table.Column<DateOnly>(type: "date", nullable: true),
                    study_end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    bank_bic = table.Column<string>(type: "text", nullable: false),
                    iban = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.case_id);
                    table.CheckConstraint("ck_cases_role", "\"applicant_role\" IN ('parent', 'guardian')");
                    table.CheckConstraint("ck_cases_status", "\"status\" IN ('approved', 'suspended', 'terminated')");
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    child_iin = table.Column<string>(type: "text", nullable: false),
                    quarter = table.Column<string>(type: "text", nullable: false),
                    certificate_no = table.Column<string>(type: "text", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    school = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "batch_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    bic = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    format = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    total_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batch_files", x => x.id);
                    table.ForeignKey(
                        name: "FK_batch_files_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exclusions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    quarter = table.Column<string>(type: "text", nullable: false),
                    case_id = table.Column<string>(type: "text", nullable: false),
                    child_iin = table.Column<string>(type: "text", nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exclusions", x => x.id);
                    table.ForeignKey(
                        name: "FK_exclusions_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: false),
                    quarter = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<string>(type: "text", nullable: false),
                    district = table.Column<string>(type: "text", nullable: false),
                    child_iin = table.Column<string>(type: "text", nullable: false),
                    applicant_iin = table.Column<string>(type: "text", nullable: false),
                    applicant_name = table.Column<string>(type: "text", nullable: false),
                    iban = table.Column<string>(type: "text", nullable: false),
                    bic = table.Column<string>(type: "text", nullable: false),
                    amount_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    credited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status_reason = table.Column<string>(type: "text", nullable: true),
                    replaces_payment_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.id);
                    table.CheckConstraint("ck_payments_amount", "\"amount_tiyn\" > 0");
                    table.CheckConstraint("ck_payments_credited_on", "(\"status\" = 'credited' AND \"credited_on\" IS NOT NULL) OR (\"status\" <> 'credited' AND \"credited_on\" IS NULL)");
                    table.CheckConstraint("ck_payments_status", "\"status\" IN ('issued', 'credited', 'rejected')");
                    table.ForeignKey(
                        name: "FK_payments_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_payments_payments_replaces_payment_id",
                        column: x => x.replaces_payment_id,
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bank_detail_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<string>(type: "text", nullable: false),
                    old_bank_bic = table.Column<string>(type: "text", nullable: false),
                    old_iban = table.Column<string>(type: "text", nullable: false),
                    new_bank_bic = table.Column<string>(type: "text", nullable: false),
                    new_iban = table.Column<string>(type: "text", nullable: false),
                    changed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_detail_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_bank_detail_changes_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "confirmations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file = table.Column<string>(type: "text", nullable: false),
                    file_sha256 = table.Column<string>(type: "text", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: false),
                    payment_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    credited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    amount_tiyn = table.Column<long>(type: "bigint", nullable: true),
                    iban = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "FK_confirmations_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_started_at_utc",
                table: "audit_log",
                column: "started_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_bank_detail_changes_case_id",
                table: "bank_detail_changes",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_batch_files_batch_id_file_name",
                table: "batch_files",
                columns: new[] { "batch_id", "file_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_batches_quarter_number",
                table: "batches",
                columns: new[] { "quarter", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_child_iin",
                table: "cases",
                column: "child_iin");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_quarter_child_iin_certificate_no",
                table: "certificates",
                columns: new[] { "quarter", "child_iin", "certificate_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_confirmations_file_sha256_line",
                table: "confirmations",
                columns: new[] { "file_sha256", "line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_confirmations_payment_id",
                table: "confirmations",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "IX_exclusions_batch_id_case_id",
                table: "exclusions",
                columns: new[] { "batch_id", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exclusions_quarter",
                table: "exclusions",
                column: "quarter");

            migrationBuilder.CreateIndex(
                name: "IX_payments_batch_id",
                table: "payments",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_payments_reference",
                table: "payments",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_replaces_payment_id",
                table: "payments",
                column: "replaces_payment_id",
                unique: true,
                filter: "\"replaces_payment_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments",
                columns: new[] { "quarter", "child_iin" },
                unique: true,
                filter: "\"status\" <> 'rejected'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "bank_detail_changes");

            migrationBuilder.DropTable(
                name: "batch_files");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "confirmations");

            migrationBuilder.DropTable(
                name: "exclusions");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "batches");
        }
    }
}
