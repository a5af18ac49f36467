using System.Text;
using IacPlatform.State.Runs;
using Shouldly;

namespace IacPlatform.State.Tests.Api.Runs;

/// <summary>The pure parts of the runner: Terraform's lines, job tokens, finding the binary, the environment, live logs.</summary>
public sealed class RunPartsTests
{
    private const string Diagnostic = """{"@level":"error","@message":"Error: Invalid precondition expression","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:16.577582Z","diagnostic":{"severity":"error","summary":"Invalid precondition expression","detail":"The condition expression must refer to at least one object.","range":{"filename":"main.tf","start":{"line":5,"column":23,"byte":104},"end":{"line":5,"column":28,"byte":109}}},"type":"diagnostic"}""";
    private const string Summary = """{"@level":"info","@message":"Apply complete! Resources: 1 added, 0 changed, 0 destroyed.","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.856793Z","changes":{"add":1,"change":0,"import":0,"remove":0,"operation":"apply"},"type":"change_summary"}""";
    private const string PlanSummary = """{"@level":"info","@message":"Plan: 1 to add, 0 to change, 0 to destroy.","@module":"terraform.ui","@timestamp":"2026-11-22T15:55:13.845523Z","changes":{"add":1,"change":0,"import":0,"remove":0,"operation":"plan"},"type":"change_summary"}""";

    [Fact]
    public void ErrorSummary_JsonDiagnostic_ReturnsSummaryAndDetail()
    {
        TerraformLines.ErrorSummary(Diagnostic).ShouldBe("Invalid precondition expression: The condition expression must refer to at least one object.");
    }

    [Theory]
    [InlineData("Error: Failed to get existing workspaces: 401 Unauthorized", "Failed to get existing workspaces: 401 Unauthorized")]
    [InlineData("│ Error: Backend initialization required", "Backend initialization required")]
    [InlineData("Terraform has been successfully initialized!", null)]
    [InlineData("{\"type\":\"diagnostic\",\"diagnostic\":{\"severity\":\"warning\",\"summary\":\"w\"}}", null)]
    [InlineData("{not json", null)]
    public void ErrorSummary_Lines_FindsOnlyErrors(string line, string? expected)
    {
        TerraformLines.ErrorSummary(line).ShouldBe(expected);
    }

    [Fact]
    public void ChangeSummary_ApplyNotPlan_ReturnsMessage()
    {
        TerraformLines.ChangeSummary(Summary).ShouldBe("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        TerraformLines.ChangeSummary(PlanSummary).ShouldBeNull();
    }

    [Fact]
    public void MaskedOutputs_SensitiveOutput_IsMasked()
    {
        var masked = TerraformLines.MaskedOutputs("""
            {"id": {"sensitive": false, "type": "string", "value": "abc"},
             "obj": {"sensitive": false, "type": ["object", {"n": "number"}], "value": {"n": 2}},
             "secret": {"sensitive": true, "type": "string", "value": "hunter2"}}
            """, out var names);

        masked.ShouldBe("""{"id":"abc","obj":{"n":2},"secret":"(sensitive)"}""");
        names.ShouldBe(["id", "obj", "secret (sensitive)"]);
        TerraformLines.MaskedOutputs("not json", out _).ShouldBeNull();
    }

    [Fact]
    public void JobTokens_Basic_AcceptsOnlyUserJob()
    {
        var token = JobTokens.Create();
        token.Length.ShouldBe(43);
        JobTokens.TryReadBasic(Basic("job", token), out var password).ShouldBeTrue();
        password.ShouldBe(token);
        JobTokens.TryReadBasic(Basic("admin", token), out _).ShouldBeFalse();
        JobTokens.TryReadBasic(Basic("job", ""), out _).ShouldBeFalse();
        JobTokens.TryReadBasic("Bearer " + token, out _).ShouldBeFalse();
        JobTokens.TryReadBasic("Basic !!!", out _).ShouldBeFalse();
        JobTokens.TryReadBasic(null, out _).ShouldBeFalse();
        JobTokens.Hash(token).ShouldNotBe(JobTokens.Hash(JobTokens.Create()));
        JobTokens.Hash(token).Length.ShouldBe(64);
    }

    [Fact]
    public void Locator_NothingOnPath_SaysWhatToInstall()
    {
        var empty = Directory.CreateTempSubdirectory("iacp-path-");
        try
        {
            TerraformLocator.Find(null, empty.FullName, out var error).ShouldBeNull();
            error.ShouldBe("Neither terraform nor tofu was found on the PATH; install one or set State:Runs:Executable.");
            TerraformLocator.Find("/nowhere/terraform", empty.FullName, out error).ShouldBeNull();
            error.ShouldBe("State:Runs:Executable '/nowhere/terraform' was not found or is not executable.");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Locator_OnlyTofu_FindsTofu()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes decide what is executable here.");
        var directory = Directory.CreateTempSubdirectory("iacp-path-");
        try
        {
            var tofu = Path.Combine(directory.FullName, "tofu");
            File.WriteAllText(tofu, "#!/bin/sh\n");
            File.WriteAllText(Path.Combine(directory.FullName, "terraform"), "not executable");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tofu, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }

            TerraformLocator.Find(null, "/nonexistent" + Path.PathSeparator + directory.FullName, out var error).ShouldBe(tofu);
            error.ShouldBeNull();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Environment_ServiceSecrets_AreNotPassedAndTokenIsOnlyInPassword()
    {
        var inherited = new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/state",
            ["ConnectionStrings__statedb"] = "Host=db;Password=secret",
            ["State__Encryption__Keys__k1"] = "a2V5",
            ["AWS_ACCESS_KEY_ID"] = "AKIA",
            ["TF_LOG"] = "trace",
            ["TF_HTTP_PASSWORD"] = "stale",
            ["TF_CLI_CONFIG_FILE"] = "/etc/terraformrc",
        };
        var options = new RunOptions { Environment = { ["GOOGLE_PROJECT"] = "p1" } };

        var environment = RunEnvironment.Build(inherited, options, new Uri("http://s/state"), new Uri("http://s/lock"), "tok", "/tmp/runs");

        environment.Keys.ShouldNotContain("ConnectionStrings__statedb");
        environment.Keys.ShouldNotContain("State__Encryption__Keys__k1");
        environment.Keys.ShouldNotContain("TF_LOG");
        environment["TF_HTTP_PASSWORD"].ShouldBe("tok");
        environment["TF_HTTP_USERNAME"].ShouldBe("job");
        environment["TF_HTTP_ADDRESS"].ShouldBe("http://s/state");
        environment["AWS_ACCESS_KEY_ID"].ShouldBe("AKIA");
        environment["GOOGLE_PROJECT"].ShouldBe("p1");
        environment["TF_CLI_CONFIG_FILE"].ShouldBe("/etc/terraformrc");
        environment["TF_IN_AUTOMATION"].ShouldBe("1");
        environment["CHECKPOINT_DISABLE"].ShouldBe("1");
        environment.Where(e => e.Key != "TF_HTTP_PASSWORD").ShouldNotContain(e => e.Value.Contains("tok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveLog_LateSubscriber_GetsKeptBacklogThenLiveLinesUntilComplete()
    {
        var log = new LiveLog();
        log.Publish("one", keep: true);
        log.Publish("not kept", keep: false);
        using var subscription = log.Subscribe();
        log.Publish("two", keep: true);
        log.Complete();
        log.Publish("after the end", keep: true);

        subscription.Backlog.ShouldBe(["one"]);
        var live = new List<string>();
        await foreach (var line in subscription.Lines.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            live.Add(line);
        }

        live.ShouldBe(["two"]);
        using var late = log.Subscribe();
        late.Backlog.ShouldBe(["one", "two"]);
        late.Lines.Completion.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task LiveLog_SlowSubscriber_IsDroppedNotBuffered()
    {
        var log = new LiveLog();
        using var subscription = log.Subscribe();
        for (var i = 0; i <= LiveLog.SubscriberBuffer; i++)
        {
            log.Publish("line", keep: false);
        }

        var count = 0;
        await Should.ThrowAsync<LiveLogOverflowException>(async () =>
        {
            await foreach (var _ in subscription.Lines.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                count++;
            }
        });
        count.ShouldBe(LiveLog.SubscriberBuffer);
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
