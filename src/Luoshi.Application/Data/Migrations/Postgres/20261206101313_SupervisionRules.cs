using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Postgres
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
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    FirstPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    LastPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReasonZh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReasonEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    IndicatorCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    PlanItemCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Periods = table.Column<int>(type: "integer", nullable: false),
                    MinGapPoints = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    UnitKindsText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClearPeriodsToClose = table.Column<int>(type: "integer", nullable: true),
                    DeadlineDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
