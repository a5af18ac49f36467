using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IacPlatform.Drift.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "detection_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: true),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state_id = table.Column<Guid>(type: "uuid", nullable: true),
                    keys = table.Column<string>(type: "jsonb", nullable: false),
                    check_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    deep_scan = table.Column<bool>(type: "boolean", nullable: false),
                    include_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    resources_checked = table.Column<int>(type: "integer", nullable: false),
                    in_sync = table.Column<int>(type: "integer", nullable: false),
                    drifted = table.Column<int>(type: "integer", nullable: false),
                    missing = table.Column<int>(type: "integer", nullable: false),
                    unmanaged = table.Column<int>(type: "integer", nullable: false),
                    not_observed = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_detection_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drift_findings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_key = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: true),
                    address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    environment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity_rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    drift_count = table.Column<int>(type: "integer", nullable: false),
                    differences = table.Column<string>(type: "jsonb", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    first_detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drift_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ignore_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: true),
                    address_pattern = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    attribute_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ignore_rules", x => x.id);
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
                name: "managed_resources",
                columns: table => new
                {
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    attributes = table.Column<string>(type: "jsonb", nullable: false),
                    serial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_managed_resources", x => new { x.workspace, x.address });
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
                name: "pending_checks",
                columns: table => new
                {
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_checks", x => new { x.type, x.native_id });
                });

            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: true),
                    latest_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    serial = table.Column<long>(type: "bigint", nullable: false),
                    resource_count = table.Column<int>(type: "integer", nullable: false),
                    state_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    account_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    not_observed = table.Column<int>(type: "integer", nullable: false),
                    coverage = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "drift_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: true),
                    address = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    environment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    drift_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity_rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    drift_count = table.Column<int>(type: "integer", nullable: false),
                    resolved = table.Column<bool>(type: "boolean", nullable: false),
                    differences = table.Column<string>(type: "jsonb", nullable: false),
                    ignored_differences = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drift_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_drift_results_detection_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "detection_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_detection_jobs_created_at",
                table: "detection_jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_detection_jobs_status",
                table: "detection_jobs",
                column: "status",
                filter: "status IN ('pending', 'running')");

            migrationBuilder.CreateIndex(
                name: "ix_detection_jobs_workspace_created_at",
                table: "detection_jobs",
                columns: new[] { "workspace", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_drift_findings_resource_id",
                table: "drift_findings",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_drift_findings_type_native_id",
                table: "drift_findings",
                columns: new[] { "type", "native_id" });

            migrationBuilder.CreateIndex(
                name: "ix_drift_findings_workspace_key_type_native_id",
                table: "drift_findings",
                columns: new[] { "workspace_key", "type", "native_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_drift_results_completed_at_id",
                table: "drift_results",
                columns: new[] { "completed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_drift_results_job_id",
                table: "drift_results",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_drift_results_resource_id_completed_at",
                table: "drift_results",
                columns: new[] { "resource_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_drift_results_workspace_completed_at",
                table: "drift_results",
                columns: new[] { "workspace", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ignore_rules_workspace",
                table: "ignore_rules",
                column: "workspace");

            migrationBuilder.CreateIndex(
                name: "ix_managed_resources_type_native_id",
                table: "managed_resources",
                columns: new[] { "type", "native_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "created_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pending_checks_due_at",
                table: "pending_checks",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_account_ids",
                table: "workspaces",
                column: "account_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_latest_version_id",
                table: "workspaces",
                column: "latest_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_workspace_id",
                table: "workspaces",
                column: "workspace_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drift_findings");

            migrationBuilder.DropTable(
                name: "drift_results");

            migrationBuilder.DropTable(
                name: "ignore_rules");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "managed_resources");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pending_checks");

            migrationBuilder.DropTable(
                name: "workspaces");

            migrationBuilder.DropTable(
                name: "detection_jobs");
        }
    }
}
