using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IacPlatform.State.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parsed_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tool = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    summary = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parsed_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "state_backends",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    config = table.Column<string>(type: "jsonb", nullable: false),
                    secret_names = table.Column<string[]>(type: "text[]", nullable: false),
                    secret_key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    secret_wrapped_key = table.Column<byte[]>(type: "bytea", nullable: true),
                    secret_nonce = table.Column<byte[]>(type: "bytea", nullable: true),
                    secret_tag = table.Column<byte[]>(type: "bytea", nullable: true),
                    secret_ciphertext = table.Column<byte[]>(type: "bytea", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_checked = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_test_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    last_test_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    last_test_response_time_ms = table.Column<long>(type: "bigint", nullable: true),
                    last_test_http_status = table.Column<int>(type: "integer", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_state_backends", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "terraform_resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    terraform_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    configuration = table.Column<string>(type: "jsonb", nullable: false),
                    details = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outputs = table.Column<string>(type: "jsonb", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_terraform_resources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    lineage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    current_serial = table.Column<long>(type: "bigint", nullable: true),
                    current_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version_count = table.Column<int>(type: "integer", nullable: false),
                    current_size = table.Column<long>(type: "bigint", nullable: false),
                    resource_count = table.Column<int>(type: "integer", nullable: false),
                    lock_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lock_info = table.Column<string>(type: "text", nullable: true),
                    locked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    locked_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "terraform_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    operation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    exit_code = table.Column<int>(type: "integer", nullable: true),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    log_bytes = table.Column<long>(type: "bigint", nullable: false),
                    log_truncated = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_terraform_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_terraform_jobs_terraform_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "terraform_resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "state_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial = table.Column<long>(type: "bigint", nullable: false),
                    lineage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    terraform_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    checksum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    md5 = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    resource_count = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    restored_from_serial = table.Column<long>(type: "bigint", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_state_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_state_versions_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "terraform_job_log_chunks",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_terraform_job_log_chunks", x => new { x.job_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_terraform_job_log_chunks_terraform_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "terraform_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "state_contents",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    wrapped_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    nonce = table.Column<byte[]>(type: "bytea", nullable: false),
                    tag = table.Column<byte[]>(type: "bytea", nullable: false),
                    ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    encoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_state_contents", x => x.version_id);
                    table.ForeignKey(
                        name: "fk_state_contents_state_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "state_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "state_backends",
                columns: new[] { "id", "config", "created_at", "created_by", "created_by_name", "last_checked", "last_test_http_status", "last_test_message", "last_test_response_time_ms", "last_test_status", "name", "secret_ciphertext", "secret_key_id", "secret_names", "secret_nonce", "secret_tag", "secret_wrapped_key", "status", "type", "updated_at" },
                values: new object[] { new Guid("01900000-0000-7000-8000-000000000001"), "{\"address\":\"/api/v1/terraform/workspaces/{workspace}/state\",\"lock_address\":\"/api/v1/terraform/workspaces/{workspace}/lock\",\"lock_method\":\"LOCK\",\"unlock_address\":\"/api/v1/terraform/workspaces/{workspace}/lock\",\"unlock_method\":\"UNLOCK\",\"update_method\":\"POST\"}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, null, null, null, null, null, null, "iacplatform", null, null, new string[0], null, null, null, "active", "http", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_workspace_id_at",
                table: "audit_entries",
                columns: new[] { "workspace_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "created_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_parsed_logs_tool_created_at",
                table: "parsed_logs",
                columns: new[] { "tool", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_state_backends_name",
                table: "state_backends",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_state_contents_key_id",
                table: "state_contents",
                column: "key_id");

            migrationBuilder.CreateIndex(
                name: "ix_state_versions_workspace_id_serial",
                table: "state_versions",
                columns: new[] { "workspace_id", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_terraform_jobs_resource_id_created_at",
                table: "terraform_jobs",
                columns: new[] { "resource_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_terraform_jobs_status",
                table: "terraform_jobs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_terraform_jobs_token_hash",
                table: "terraform_jobs",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_terraform_resources_created_at",
                table: "terraform_resources",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_terraform_resources_name",
                table: "terraform_resources",
                column: "name",
                unique: true,
                filter: "status <> 'Destroyed'");

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_name",
                table: "workspaces",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "parsed_logs");

            migrationBuilder.DropTable(
                name: "state_backends");

            migrationBuilder.DropTable(
                name: "state_contents");

            migrationBuilder.DropTable(
                name: "terraform_job_log_chunks");

            migrationBuilder.DropTable(
                name: "state_versions");

            migrationBuilder.DropTable(
                name: "terraform_jobs");

            migrationBuilder.DropTable(
                name: "workspaces");

            migrationBuilder.DropTable(
                name: "terraform_resources");
        }
    }
}
