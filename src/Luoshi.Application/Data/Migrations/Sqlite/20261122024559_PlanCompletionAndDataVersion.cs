using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanCompletionAndDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "plan_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_versions",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_versions", x => x.Scope);
                });

            migrationBuilder.InsertData(
                table: "data_versions",
                columns: new[] { "Scope", "Version" },
                values: new object[] { "evaluation", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_versions");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "plan_items");
        }
    }
}
