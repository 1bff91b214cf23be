using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditLogPagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_log_Actor",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Entity_Key",
                table: "audit_log");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Actor_Id",
                table: "audit_log",
                columns: new[] { "Actor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Entity_Id",
                table: "audit_log",
                columns: new[] { "Entity", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Entity_Key_Id",
                table: "audit_log",
                columns: new[] { "Entity", "Key", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_log_Actor_Id",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_At",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Entity_Id",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Entity_Key_Id",
                table: "audit_log");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Actor",
                table: "audit_log",
                column: "Actor");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Entity_Key",
                table: "audit_log",
                columns: new[] { "Entity", "Key" });
        }
    }
}
