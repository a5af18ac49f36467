using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using IacPlatform.ServiceDefaults.Encryption;
using IacPlatform.State.Storage;
using IacPlatform.State.Tfstate;
using Microsoft.Extensions.Options;

/// <summary>Where a write's CPU time goes, in-process: scan, hashes, gzip, encryption, and all of them as the writer runs them (median of 20 runs each).</summary>
internal static class WritePathComponents
{
    public static int Run(int resources)
    {
        var state = LargeStateGenerator.Generate(resources);
        var cipher = new EnvelopeCipher(Options.Create(new EnvelopeEncryptionOptions
        {
            ActiveKeyId = "k",
            Keys = new Dictionary<string, string>(StringComparer.Ordinal) { ["k"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        }));
        var compressed = StateCompression.Compress(state);
        Console.WriteLine(FormattableString.Invariant($"state {state.Length / 1048576.0:F2} MiB, gzip {compressed.Length / 1048576.0:F2} MiB"));
        Measure("scan (validate + addresses)", () => TfstateScanner.Scan(state));
        Measure("sha-256 + md5", () => (SHA256.HashData(state), MD5Of(state)));
        Measure("prepare (scan || hashes || gzip)", () => StateWriter.PrepareAsync(state).GetAwaiter().GetResult());
        Measure("gzip fastest", () => StateCompression.Compress(state));
        Measure("aes-256-gcm of gzip", () => cipher.Encrypt(compressed, Guid.NewGuid()));
        Measure("gunzip", () => StateCompression.Decompress(compressed, state.Length));
        return 0;
    }

#pragma warning disable CA5351 // Terraform's Content-MD5
    private static byte[] MD5Of(byte[] bytes) => MD5.HashData(bytes);
#pragma warning restore CA5351

    private static void Measure(string name, Func<object> action)
    {
        var times = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            if (i >= 5)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} p50 {times[times.Count / 2],7:F1} ms"));
    }
}
