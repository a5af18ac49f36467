using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IacPlatform.ServiceDefaults.Encryption;

public static class EncryptionExtensions
{
    /// <summary>
    /// Envelope encryption (<see cref="EnvelopeCipher"/>) with the keys of <paramref name="section"/>
    /// (for example <c>State:Encryption</c>); the service refuses to start without a usable active key.
    /// </summary>
    public static IHostApplicationBuilder AddEnvelopeEncryption(this IHostApplicationBuilder builder, string section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        builder.Services.AddOptions<EnvelopeEncryptionOptions>().BindConfiguration(section)
            .PostConfigure(options => options.Section = section)
            .Validate(options => options.Problems().Count == 0,
                $"{section} needs an ActiveKeyId naming one of its Keys (base64 of 32 bytes each).")
            .ValidateOnStart();
        builder.Services.AddSingleton<EnvelopeCipher>();
        return builder;
    }
}
