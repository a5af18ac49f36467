using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IacPlatform.Inventory.Data.Migrations
{
    /// <summary>
    /// The index of the hot inventory query: live resources of a provider by environment tag and machine size,
    /// in name order. The query compiler emits text equality at the path beside JSON containment, so this btree
    /// answers that shape as an exact range already in name order (p95 235 ms → 17 ms over 1,000,000 resources,
    /// bench/results/inventory-2026-11-22.md); other tag and attribute filters keep using the GIN indexes.
    /// </summary>
    public partial class HotQueryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_resources_provider_env_size_name ON resources
                    (provider, (tags ->> 'env'), (attributes #>> '{instance_type}'), name, id)
                    WHERE removed_at IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_resources_provider_env_size_name");
        }
    }
}
