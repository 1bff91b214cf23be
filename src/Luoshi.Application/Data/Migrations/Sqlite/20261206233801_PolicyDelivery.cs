using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Package = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LeadDepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Issued = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceItemNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_documents_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_org_units_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_measures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TimeLimitDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResponsibleDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_measures_org_units_ResponsibleDepartmentId",
                        column: x => x.ResponsibleDepartmentId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policy_measures_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Enterprise = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Applied = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_cases_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policy_cases_policy_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "policy_measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_case_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_case_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_case_versions_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policy_case_versions_policy_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "policy_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policies_Code",
                table: "policies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policies_LeadDepartmentId",
                table: "policies",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_SourceDocumentId",
                table: "policies",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_case_versions_CaseId_Version",
                table: "policy_case_versions",
                columns: new[] { "CaseId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_case_versions_OrgUnitId",
                table: "policy_case_versions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_cases_Enterprise",
                table: "policy_cases",
                column: "Enterprise");

            migrationBuilder.CreateIndex(
                name: "IX_policy_cases_MeasureId_Enterprise_Applied",
                table: "policy_cases",
                columns: new[] { "MeasureId", "Enterprise", "Applied" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_cases_OrgUnitId",
                table: "policy_cases",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_measures_Code",
                table: "policy_measures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_measures_PolicyId",
                table: "policy_measures",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_measures_ResponsibleDepartmentId",
                table: "policy_measures",
                column: "ResponsibleDepartmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "policy_case_versions");

            migrationBuilder.DropTable(
                name: "policy_cases");

            migrationBuilder.DropTable(
                name: "policy_measures");

            migrationBuilder.DropTable(
                name: "policies");
        }
    }
}
