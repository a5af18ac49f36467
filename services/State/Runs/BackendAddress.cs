using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IacPlatform.State.Runs;

/// <summary>Where a run's Terraform reaches this service's http backend: State:Runs:BackendAddress, else the first address it listens on.</summary>
internal sealed class BackendAddress(IServer server, IOptions<RunOptions> options)
{
    public Uri? Base(out string? error)
    {
        error = null;
        var configured = options.Value.BackendAddress;
        var address = string.IsNullOrWhiteSpace(configured)
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : configured;
        if (address is null)
        {
            error = "This service has no listening address to give Terraform; set State:Runs:BackendAddress.";
            return null;
        }

        // Kestrel reports wildcard bindings as written (http://+:8080, http://[::]:8080); Terraform needs a host.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            error = $"'{address}' is not an http(s) address Terraform can use; set State:Runs:BackendAddress.";
            return null;
        }

        return uri;
    }

    public static Uri State(Uri baseAddress, string workspace) =>
        new(baseAddress, $"api/v1/terraform/workspaces/{Uri.EscapeDataString(workspace)}/state");

    public static Uri Lock(Uri baseAddress, string workspace) =>
        new(baseAddress, $"api/v1/terraform/workspaces/{Uri.EscapeDataString(workspace)}/lock");
}
