using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PayBatch.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReconcileFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reconcile_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    quarter = table.Column<string>(type: "TEXT", nullable: false),
                    file = table.Column<string>(type: "TEXT", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: true),
                    reference = table.Column<string>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    reconciled_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconcile_findings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reconcile_findings_quarter",
                table: "reconcile_findings",
                column: "quarter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconcile_findings");
        }
    }
}
