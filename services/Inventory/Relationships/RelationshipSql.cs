namespace IacPlatform.Inventory.Relationships;

/// <summary>
/// The statements of a recompute. Each <see cref="RelationshipRule"/> fills the transaction's scratch table
/// <c>derived_relationships</c> (first rule wins a duplicate edge); only the difference is then applied to
/// <c>resource_relationships</c>. Only a rule's join condition differs per <see cref="ReferenceMatch"/>; its
/// types and paths are always parameters: @account, @source_types, @path, @target_types, @type, @attribute,
/// @reversed and, for two-hop rules, @via_types and @via_path.
/// </summary>
/// <remarks>
/// The references are extracted first into a materialized CTE and only then joined to their targets: the
/// planner guesses 1,000 rows for every jsonb_path_query call, and with that guess inside the join it would
/// pair every source with every target before evaluating the path (minutes for 50,000 instances instead of
/// well under a second).
/// </remarks>
internal static class RelationshipSql
{
    /// <summary>Serialises recomputes of one account (a second waits instead of racing on the unique index).</summary>
    public const string LockAccount = "SELECT pg_advisory_xact_lock(7301, hashtext(@account::text))";

    /// <summary>Unlogged, private to the transaction, dropped at commit; truncated in case the caller recomputes twice.</summary>
    public const string CreateScratch = """
        CREATE TEMP TABLE IF NOT EXISTS derived_relationships (
            source_id uuid NOT NULL, target_id uuid NOT NULL, type text NOT NULL, attribute text NOT NULL,
            PRIMARY KEY (source_id, target_id, type)) ON COMMIT DROP
        """;

    public const string TruncateScratch = "TRUNCATE derived_relationships";

    /// <summary>Temporary tables get no autovacuum statistics; without them the anti-joins below plan badly.</summary>
    public const string AnalyzeScratch = "ANALYZE derived_relationships";

    /// <summary>Edges no rule derives any more (a reference changed, an end was removed).</summary>
    public const string DeleteStale = """
        DELETE FROM resource_relationships e
        WHERE e.account_id = @account
          AND NOT EXISTS (SELECT 1 FROM derived_relationships d
                          WHERE d.source_id = e.source_id AND d.target_id = e.target_id AND d.type = e.type)
        """;

    /// <summary>Kept edges now read from another attribute (rare: the first deriving rule changed).</summary>
    public const string UpdateAttributes = """
        UPDATE resource_relationships e SET attribute = d.attribute, derived_at = @derived_at
        FROM derived_relationships d
        WHERE e.account_id = @account AND d.source_id = e.source_id AND d.target_id = e.target_id AND d.type = e.type
          AND e.attribute <> d.attribute
        """;

    /// <summary>New edges; kept edges keep their derived_at (when the relationship was first seen).</summary>
    public const string InsertNew = """
        INSERT INTO resource_relationships (account_id, source_id, target_id, type, attribute, derived_at)
        SELECT @account, d.source_id, d.target_id, d.type, d.attribute, @derived_at
        FROM derived_relationships d
        WHERE NOT EXISTS (SELECT 1 FROM resource_relationships e
                          WHERE e.source_id = d.source_id AND e.target_id = d.target_id AND e.type = d.type)
        ON CONFLICT (source_id, target_id, type) DO NOTHING
        """;

    // One row per (source, string value at the path).
    private const string References = """
        WITH refs AS MATERIALIZED (
            SELECT s.id, s.native_id, s.region, ref.value #>> '{}' AS ref
            FROM resources s
            CROSS JOIN LATERAL jsonb_path_query(s.attributes, @path::jsonpath) AS ref(value)
            WHERE s.account_id = @account AND s.type = ANY(@source_types) AND s.removed_at IS NULL
              AND jsonb_typeof(ref.value) = 'string'
        )
        """;

    // Two hops: the first hop's values name intermediates whose own values (at @via_path) name the targets.
    private const string HopReferences = """
        ,
        hops AS MATERIALIZED (
            SELECT r.id, r.native_id, r.region, hop.value #>> '{}' AS ref
            FROM refs r
            JOIN resources m ON m.account_id = @account AND m.type = ANY(@via_types) AND m.removed_at IS NULL
             AND lower(m.native_id) = lower(r.ref)
            CROSS JOIN LATERAL jsonb_path_query(m.attributes, @via_path::jsonpath) AS hop(value)
            WHERE jsonb_typeof(hop.value) = 'string'
        )
        """;

    private const string Insert = """

        INSERT INTO derived_relationships (source_id, target_id, type, attribute)

        """;

    private const string OnConflict = "\nON CONFLICT (source_id, target_id, type) DO NOTHING";

    private const string Targets =
        "JOIN resources t ON t.account_id = @account AND t.type = ANY(@target_types) AND t.removed_at IS NULL";

    private const string ByNativeId = Targets + " AND t.native_id = s.ref";

    private const string ByAzureId = Targets + " AND lower(t.native_id) = lower(s.ref)";

    private const string ByAzureName = Targets + """
         AND lower(t.name) = lower(s.ref)
         AND lower(substring(t.native_id from '(?i)/resourcegroups/([^/]+)')) = lower(substring(s.native_id from '(?i)/resourcegroups/([^/]+)'))
        """;

    // A relative id starts at "projects/": strip any https://…/compute/v1/ prefix from both sides.
    private const string ByGcpLink = Targets + """
         AND coalesce(substring(t.native_id from 'projects/.+$'), t.native_id) = substring(s.ref from 'projects/.+$')
        """;

    // Namesakes in other regions make a bare name ambiguous: then only a target in the source's region matches.
    private const string ByName = """
        JOIN (SELECT r.id, r.name, r.region, count(*) OVER (PARTITION BY r.name) AS namesakes
              FROM resources r
              WHERE r.account_id = @account AND r.type = ANY(@target_types) AND r.removed_at IS NULL) t
          ON t.name = s.ref AND (t.namesakes = 1 OR t.region = s.region)
        """;

    private static readonly Dictionary<ReferenceMatch, string> ByMatch = new()
    {
        [ReferenceMatch.NativeId] = References + Insert + Select("refs", ByNativeId) + OnConflict,
        [ReferenceMatch.AzureId] = References + Insert + Select("refs", ByAzureId) + OnConflict,
        [ReferenceMatch.AzureNameInResourceGroup] = References + Insert + Select("refs", ByAzureName) + OnConflict,
        [ReferenceMatch.Name] = References + Insert + Select("refs", ByName) + OnConflict,
        [ReferenceMatch.GcpSelfLink] = References + Insert
            + Select("refs", ByGcpLink, "position('projects/' in s.ref) > 0") + "\nUNION ALL\n"
            + Select("refs", ByName, "position('projects/' in s.ref) = 0") + OnConflict,
    };

    private static readonly string TwoHops = References + HopReferences + Insert + Select("hops", ByAzureId) + OnConflict;

    /// <summary>The INSERT into <c>derived_relationships</c> that evaluates <paramref name="rule"/>.</summary>
    public static string For(RelationshipRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Via is null ? ByMatch[rule.Match] : TwoHops;
    }

    private static string Select(string references, string join, string condition = "true") => $"""
        SELECT CASE WHEN @reversed THEN t.id ELSE s.id END,
               CASE WHEN @reversed THEN s.id ELSE t.id END,
               @type, @attribute
        FROM {references} s
        {join}
        WHERE t.id <> s.id AND {condition}
        """;
}
