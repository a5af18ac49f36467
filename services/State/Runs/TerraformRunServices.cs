using IacPlatform.State.Runs;
using Microsoft.AspNetCore.Authentication;

namespace IacPlatform.State;

public static class TerraformRunServices
{
    /// <summary>Terraform-managed resources: the run queue and worker, live logs, job tokens, WebSockets.</summary>
    public static IHostApplicationBuilder AddTerraformRuns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RunOptions>().BindConfiguration(RunOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<LiveLogHub>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<BackendAddress>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService<RunWorker>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, JobTokenAuthenticationHandler>(StatePolicies.JobTokenScheme, null);
        builder.Services.AddSingleton<IStartupFilter, WebSocketStartupFilter>();
        return builder;
    }
}
