using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "supervision_item_indicators",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReasonZh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReasonEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_item_indicators", x => new { x.ItemId, x.IndicatorId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_supervision_item_indicators_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_supervision_item_indicators_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_supervision_item_indicators_supervision_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "supervision_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndicatorCodes = table.Column<string>(type: "TEXT", nullable: false),
                    PlanItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Periods = table.Column<int>(type: "INTEGER", nullable: false),
                    MinGapPoints = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    UnitKindsText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClearPeriodsToClose = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_rules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_item_indicators_IndicatorId_OrgUnitId",
                table: "supervision_item_indicators",
                columns: new[] { "IndicatorId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_item_indicators_OrgUnitId",
                table: "supervision_item_indicators",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_rules_Code",
                table: "supervision_rules",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supervision_item_indicators");

            migrationBuilder.DropTable(
                name: "supervision_rules");
        }
    }
}
