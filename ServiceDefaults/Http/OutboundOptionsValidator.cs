using Microsoft.Extensions.Options;

namespace IacPlatform.ServiceDefaults.Http;

internal sealed class OutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OutboundAllowList.Parse(options, out var problems);
        if (options.Timeout <= TimeSpan.Zero || options.ConnectTimeout <= TimeSpan.Zero)
        {
            problems = [.. problems, "Outbound:Timeout and Outbound:ConnectTimeout must be positive."];
        }

        if (options.MaxConcurrentRequests < 1)
        {
            problems = [.. problems, "Outbound:MaxConcurrentRequests must be at least 1."];
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
