using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IacPlatform.AppHost.Infrastructure;
using IacPlatform.AppHost.Orchestration;
using IacPlatform.State.Storage;
using IacPlatform.State.Tfstate;
using Npgsql;

// Upload and read back a 10,000-resource (~10 MB) state through the gateway (HTTP Basic with an API key, as
// Terraform sends it), directly to the State service (bearer JWT), and the same bytes into and out of a bare
// PostgreSQL table: the floor any stored state round trip stands on. Rounds are interleaved so machine noise
// hits every path alike. Usage: dotnet run -c Release --project bench/state/StateBench -- [iterations] [resources]
if (args is ["components", ..])
{
    return WritePathComponents.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
}

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var resources = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
const int Warmup = 5;
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var ct = cancel.Token;

var root = Path.Combine(Path.GetTempPath(), $"iacp-bench-{Guid.NewGuid():N}"[..22]);
await using var infra = await TestInfrastructure.StartAsync(root, echoToConsole: false, ct);
var variables = infra.Variables;
const string AdminPassword = "Bench-Admin-Passw0rd!";
await using var fleet = await FleetRunner.StartAsync(new FleetRunnerOptions
{
    ConnectionStrings = new Dictionary<string, string>
    {
        ["postgres"] = variables[TestInfrastructure.PostgresVariable],
        ["messaging"] = variables[TestInfrastructure.RabbitMqVariable],
        ["cache"] = variables[TestInfrastructure.RedisVariable],
    },
    Projects = ["identity", "state", "gateway"],
    Configuration = "Release",
    Build = true,
    AdminPassword = AdminPassword,
    DatabaseSuffix = "_bench",
    // The budget is not what is measured here.
    Environment = new Dictionary<string, string> { ["Gateway__RateLimits__Authenticated"] = "1000000" },
}, ct);

using var gateway = new HttpClient { BaseAddress = fleet.GetUrl("gateway"), Timeout = TimeSpan.FromMinutes(2) };
var login = await gateway.PostAsJsonAsync("/api/v1/auth/login", new { username = fleet.AdminUserName, password = AdminPassword }, ct);
login.EnsureSuccessStatusCode();
var jwt = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("access_token").GetString()!;
using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/api-keys") { Content = JsonContent.Create(new { name = "bench" }) };
keyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
var keyResponse = await gateway.SendAsync(keyRequest, ct);
keyResponse.EnsureSuccessStatusCode();
var apiKey = (await keyResponse.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString()!;
gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("terraform:" + apiKey)));
using var direct = new HttpClient { BaseAddress = fleet.GetUrl("state"), Timeout = TimeSpan.FromMinutes(2) };
direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);

var template = LargeStateGenerator.Generate(resources);
Console.WriteLine($"state: {resources} resources, {template.Length / 1024.0 / 1024.0:F2} MiB; {iterations} rounds after {Warmup} warm-up rounds");

await using var raw = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(variables[TestInfrastructure.PostgresVariable]) { Database = "statedb_bench" }.ConnectionString);
await raw.OpenAsync(ct);
// Two floors: PostgreSQL's default storage (TOAST tries pglz on the compressible JSON) and EXTERNAL storage
// (stored out of line without compression: the cheapest way PostgreSQL can take 10 MB).
await using (var create = new NpgsqlCommand(
    """
    CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, data bytea NOT NULL);
    CREATE TABLE IF NOT EXISTS bench_raw_external (id bigserial PRIMARY KEY, data bytea NOT NULL);
    ALTER TABLE bench_raw_external ALTER COLUMN data SET STORAGE EXTERNAL;
    """, raw))
{
    await create.ExecuteNonQueryAsync(ct);
}

var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
void Record(string name, double ms)
{
    if (!timings.TryGetValue(name, out var list))
    {
        timings[name] = list = [];
    }

    list.Add(ms);
}

long serial = 1;
for (var round = 0; round < Warmup + iterations; round++)
{
    var measured = round >= Warmup;
    // Rotate which path goes first, so none always runs on a cold or a warm cache.
    var order = Enumerable.Range(0, 4).Select(i => (i + round) % 4).ToList();
    foreach (var path in order)
    {
        var bytes = SerialRewriter.WithSerial(template, ++serial);
        var (write, read) = path switch
        {
            0 => await HttpRoundTripAsync(gateway, "gw", bytes, ct),
            1 => await HttpRoundTripAsync(direct, "direct", bytes, ct),
            2 => await RawRoundTripAsync(raw, "bench_raw", bytes, ct),
            _ => await RawRoundTripAsync(raw, "bench_raw_external", bytes, ct),
        };
        if (measured)
        {
            var name = path switch { 0 => "gateway", 1 => "state direct", 2 => "postgres raw", _ => "postgres raw external" };
            Record(name + " write", write);
            Record(name + " read", read);
        }
    }
}

Console.WriteLine();
Console.WriteLine("| path | op | p50 ms | p99 ms | mean ms |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (name, values) in timings)
{
    var split = name.LastIndexOf(' ');
    Console.WriteLine(FormattableString.Invariant(
        $"| {name[..split]} | {name[(split + 1)..]} | {Percentile(values, 50):F1} | {Percentile(values, 99):F1} | {values.Average():F1} |"));
}

Console.WriteLine();
foreach (var floor in new[] { "postgres raw", "postgres raw external" })
{
    foreach (var op in new[] { "write", "read" })
    {
        var gw = Percentile(timings["gateway " + op], 50);
        var pg = Percentile(timings[$"{floor} {op}"], 50);
        var gw99 = Percentile(timings["gateway " + op], 99);
        var pg99 = Percentile(timings[$"{floor} {op}"], 99);
        Console.WriteLine(FormattableString.Invariant($"{op}: gateway / {floor} p50 {gw / pg:F2}x, p99 {gw99 / pg99:F2}x"));
    }

    var roundTrip = Percentile(timings["gateway write"].Zip(timings["gateway read"], (w, r) => w + r).ToList(), 50)
        / Percentile(timings[floor + " write"].Zip(timings[floor + " read"], (w, r) => w + r).ToList(), 50);
    Console.WriteLine(FormattableString.Invariant($"round trip (write+read): gateway / {floor} p50 {roundTrip:F2}x"));
}
return 0;

static async Task<(double Write, double Read)> HttpRoundTripAsync(HttpClient client, string prefix, byte[] bytes, CancellationToken ct)
{
    var workspace = $"bench-{prefix}";
    var content = new ByteArrayContent(bytes);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
#pragma warning disable CA5351 // Terraform sends Content-MD5.
    content.Headers.ContentMD5 = System.Security.Cryptography.MD5.HashData(bytes);
#pragma warning restore CA5351
    var watch = Stopwatch.StartNew();
    using (var response = await client.PostAsync($"/api/v1/terraform/workspaces/{workspace}/state", content, ct))
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {prefix}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    var write = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var back = await client.GetByteArrayAsync($"/api/v1/terraform/workspaces/{workspace}/state", ct);
    var read = watch.Elapsed.TotalMilliseconds;
    if (back.Length != bytes.Length)
    {
        throw new InvalidOperationException($"GET {prefix} returned {back.Length} bytes, expected {bytes.Length}.");
    }

    return (write, read);
}

static async Task<(double Write, double Read)> RawRoundTripAsync(NpgsqlConnection connection, string table, byte[] bytes, CancellationToken ct)
{
    var watch = Stopwatch.StartNew();
    long id;
    await using (var insert = new NpgsqlCommand($"INSERT INTO {table} (data) VALUES (@data) RETURNING id", connection))
    {
        insert.Parameters.AddWithValue("data", bytes);
        id = (long)(await insert.ExecuteScalarAsync(ct))!;
    }

    var write = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    await using var select = new NpgsqlCommand($"SELECT data FROM {table} WHERE id = @id", connection);
    select.Parameters.AddWithValue("id", id);
    var back = (byte[])(await select.ExecuteScalarAsync(ct))!;
    var read = watch.Elapsed.TotalMilliseconds;
    return back.Length == bytes.Length ? (write, read) : throw new InvalidOperationException("raw read returned other bytes");
}

static double Percentile(List<double> values, double percentile)
{
    var sorted = values.OrderBy(v => v).ToList();
    var rank = percentile / 100 * (sorted.Count - 1);
    var low = (int)Math.Floor(rank);
    var high = (int)Math.Ceiling(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
