using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PayBatch.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BatchRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_replaces_payment_id",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_status",
                table: "payments");

            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                table: "batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "cancelled_at_utc",
                table: "batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancelled_by",
                table: "batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prepared_by",
                table: "batches",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "prepared_by_db_login",
                table: "batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "released_at_utc",
                table: "batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "batches",
                type: "TEXT",
                nullable: false,
                defaultValue: "released");

            migrationBuilder.CreateTable(
                name: "batch_signatures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    iin = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    thumbprint = table.Column<string>(type: "TEXT", nullable: false),
                    signed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    signed_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batch_signatures", x => x.id);
                    table.CheckConstraint("ck_batch_signatures_role", "\"role\" IN ('first', 'second')");
                    table.ForeignKey(
                        name: "FK_batch_signatures_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_replaces_payment_id",
                table: "payments",
                column: "replaces_payment_id",
                unique: true,
                filter: "\"replaces_payment_id\" IS NOT NULL AND \"status\" <> 'cancelled'");

            migrationBuilder.CreateIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments",
                columns: new[] { "quarter", "child_iin" },
                unique: true,
                filter: "\"status\" NOT IN ('rejected', 'returned', 'cancelled')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_status",
                table: "payments",
                sql: "\"status\" IN ('issued', 'credited', 'rejected', 'returned', 'cancelled')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_batches_state",
                table: "batches",
                sql: "\"state\" IN ('prepared', 'released', 'cancelled')");

            migrationBuilder.CreateIndex(
                name: "IX_batch_signatures_batch_id_iin",
                table: "batch_signatures",
                columns: new[] { "batch_id", "iin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_batch_signatures_batch_id_role",
                table: "batch_signatures",
                columns: new[] { "batch_id", "role" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batch_signatures");

            migrationBuilder.DropIndex(
                name: "IX_payments_replaces_payment_id",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "ux_payments_live_child_quarter",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_status",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_batches_state",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "cancel_reason",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "cancelled_at_utc",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "cancelled_by",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "prepared_by",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "prepared_by_db_login",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "released_at_utc",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "state",
                table: "batches");

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
                filter: "\"status\" <> 'rejected' AND \"status\" <> 'returned'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_status",
                table: "payments",
                sql: "\"status\" IN ('issued', 'credited', 'rejected', 'returned')");
        }
    }
}
