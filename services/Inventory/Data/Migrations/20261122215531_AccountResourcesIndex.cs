using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IacPlatform.Inventory.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountResourcesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_resources_account_id_id_live",
                table: "resources",
                columns: new[] { "account_id", "id" },
                filter: "removed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_resources_account_id_id_live",
                table: "resources");
        }
    }
}
