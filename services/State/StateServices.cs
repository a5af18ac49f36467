using IacPlatform.ServiceDefaults.Messaging;
using IacPlatform.ServiceDefaults.Persistence;
using IacPlatform.State.Authorization;
using IacPlatform.State.Data;
using IacPlatform.ServiceDefaults.Encryption;
using IacPlatform.State.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace IacPlatform.State;

public static class StateServices
{
    /// <summary>State's DI in one place: database, outbox, encryption, the write path, the backend's auth.</summary>
    public static IHostApplicationBuilder AddStateService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StateServiceOptions>().BindConfiguration(StateServiceOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.AddEnvelopeEncryption("State:Encryption");

        // Terraform's state bodies are large; the handlers enforce State:MaxStateBytes themselves.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("State:MaxStateBytes") ?? 64L * 1024 * 1024);

        builder.AddServiceDatabase<StateDb>("statedb");
        builder.AddServiceMessaging();
        builder.AddOutboxRelay<StateDb>();

        builder.Services.AddScoped<StateWriter>();
        builder.Services.AddScoped<StateReader>();
        builder.Services.AddScoped<WorkspaceLocks>();
        builder.Services.AddScoped<WorkspaceClearing>();

        builder.Services.AddSingleton<IAuthorizationHandler, WorkspaceBoundRequirement>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(StatePolicies.Backend, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, StatePolicies.JobTokenScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new WorkspaceBoundRequirement()));
        builder.AddTerraformRuns();
        builder.AddStateBackends();
        return builder;
    }
}
