using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationVersionStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EvaluationVersion",
                table: "targets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "EvaluationVersion",
                table: "readings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_targets_EvaluationVersion",
                table: "targets",
                column: "EvaluationVersion");

            migrationBuilder.CreateIndex(
                name: "IX_readings_EvaluationVersion",
                table: "readings",
                column: "EvaluationVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_targets_EvaluationVersion",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "IX_readings_EvaluationVersion",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "EvaluationVersion",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "EvaluationVersion",
                table: "readings");
        }
    }
}
