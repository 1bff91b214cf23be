using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "users",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailAtOnce",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MutedKinds",
                table: "users",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "outbox_messages",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "outbox_messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NotificationId",
                table: "outbox_messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "notifications",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Urgent",
                table: "notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.InsertData(
                table: "job_leases",
                columns: new[] { "Name", "Holder", "LastResult", "LastRunAt", "LastRunOn", "LeasedUntil" },
                values: new object[] { "reminders-daily", null, null, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Channel_Recipient_SentAt",
                table: "outbox_messages",
                columns: new[] { "Channel", "Recipient", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_NotificationId",
                table: "outbox_messages",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Key",
                table: "notifications",
                column: "Key",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_outbox_messages_notifications_NotificationId",
                table: "outbox_messages",
                column: "NotificationId",
                principalTable: "notifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_outbox_messages_notifications_NotificationId",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_Channel_Recipient_SentAt",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_NotificationId",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_notifications_Key",
                table: "notifications");

            migrationBuilder.DeleteData(
                table: "job_leases",
                keyColumn: "Name",
                keyValue: "reminders-daily");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "users");

            migrationBuilder.DropColumn(
                name: "EmailAtOnce",
                table: "users");

            migrationBuilder.DropColumn(
                name: "MutedKinds",
                table: "users");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "NotificationId",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "Urgent",
                table: "notifications");
        }
    }
}
