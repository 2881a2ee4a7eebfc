using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PayBatch.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_credited_on",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_status",
                table: "payments");

            migrationBuilder.CreateTable(
                name: "statement_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    entry_key = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    file = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    file_sha256 = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    line = table.Column<int>(type: "int", nullable: false),
                    location = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    reference = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    batch_id = table.Column<long>(type: "bigint", nullable: true),
                    payment_id = table.Column<long>(type: "bigint", nullable: true),
                    amount_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    booked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    outcome = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_entries", x => x.id);
                    table.CheckConstraint("ck_statement_entries_kind", "[kind] IN ('debit', 'return')");
                    table.ForeignKey(
                        name: "FK_statement_entries_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_statement_entries_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    file = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    file_sha256 = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    line = table.Column<int>(type: "int", nullable: false),
                    statement_id = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    opening_date = table.Column<DateOnly>(type: "date", nullable: false),
                    closing_date = table.Column<DateOnly>(type: "date", nullable: false),
                    opening_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    closing_tiyn = table.Column<long>(type: "bigint", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments",
                columns: new[] { "quarter", "child_iin" },
                unique: true,
                filter: "[status] <> 'rejected' AND [status] <> 'returned'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_credited_on",
                table: "payments",
                sql: "([status] = 'credited' AND [credited_on] IS NOT NULL) OR [status] = 'returned' OR ([status] NOT IN ('credited', 'returned') AND [credited_on] IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_status",
                table: "payments",
                sql: "[status] IN ('issued', 'credited', 'rejected', 'returned')");

            migrationBuilder.CreateIndex(
                name: "IX_statement_entries_batch_id",
                table: "statement_entries",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_statement_entries_entry_key",
                table: "statement_entries",
                column: "entry_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statement_entries_payment_id",
                table: "statement_entries",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "IX_statements_file_sha256_line",
                table: "statements",
                columns: new[] { "file_sha256", "line" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statement_entries");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_credited_on",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_status",
                table: "payments");

            migrationBuilder.CreateIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments",
                columns: new[] { "quarter", "child_iin" },
                unique: true,
                filter: "[status] <> 'rejected'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_credited_on",
                table: "payments",
                sql: "([status] = 'credited' AND [credited_on] IS NOT NULL) OR ([status] <> 'credited' AND [credited_on] IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_status",
                table: "payments",
                sql: "[status] IN ('issued', 'credited', 'rejected')");
        }
    }
}
