using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkSupervisionToProjectsAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ProjectRef",
                table: "supervision_items",
                newName: "UnlinkedProject");

            migrationBuilder.RenameColumn(
                name: "DocumentRef",
                table: "supervision_items",
                newName: "UnlinkedDocument");

            migrationBuilder.AddColumn<int>(
                name: "DocumentId",
                table: "supervision_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "supervision_items",
                type: "INTEGER",
                nullable: true);

            // A reference that names an existing project (by code) or document (by id) becomes the link; any other
            // text stays in the Unlinked column as it was written.
            migrationBuilder.Sql("""
                UPDATE supervision_items SET "ProjectId" = (SELECT p."Id" FROM projects p WHERE p."Code" = TRIM(supervision_items."UnlinkedProject"))
                WHERE "UnlinkedProject" IS NOT NULL;
                UPDATE supervision_items SET "UnlinkedProject" = NULL WHERE "ProjectId" IS NOT NULL;
                UPDATE supervision_items SET "DocumentId" = (SELECT d."Id" FROM documents d WHERE CAST(d."Id" AS TEXT) = TRIM(supervision_items."UnlinkedDocument"))
                WHERE "UnlinkedDocument" IS NOT NULL;
                UPDATE supervision_items SET "UnlinkedDocument" = NULL WHERE "DocumentId" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_items_DocumentId",
                table: "supervision_items",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_items_ProjectId",
                table: "supervision_items",
                column: "ProjectId");

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_items_documents_DocumentId",
                table: "supervision_items",
                column: "DocumentId",
                principalTable: "documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_supervision_items_projects_ProjectId",
                table: "supervision_items",
                column: "ProjectId",
                principalTable: "projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE supervision_items SET "UnlinkedProject" = (SELECT p."Code" FROM projects p WHERE p."Id" = supervision_items."ProjectId")
                WHERE "ProjectId" IS NOT NULL;
                UPDATE supervision_items SET "UnlinkedDocument" = CAST("DocumentId" AS TEXT) WHERE "DocumentId" IS NOT NULL;
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_supervision_items_documents_DocumentId",
                table: "supervision_items");

            migrationBuilder.DropForeignKey(
                name: "FK_supervision_items_projects_ProjectId",
                table: "supervision_items");

            migrationBuilder.DropIndex(
                name: "IX_supervision_items_DocumentId",
                table: "supervision_items");

            migrationBuilder.DropIndex(
                name: "IX_supervision_items_ProjectId",
                table: "supervision_items");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "supervision_items");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "supervision_items");

            migrationBuilder.RenameColumn(
                name: "UnlinkedProject",
                table: "supervision_items",
                newName: "ProjectRef");

            migrationBuilder.RenameColumn(
                name: "UnlinkedDocument",
                table: "supervision_items",
                newName: "DocumentRef");
        }
    }
}
