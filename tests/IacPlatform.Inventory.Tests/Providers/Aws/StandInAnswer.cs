using Microsoft.AspNetCore.Http;

namespace IacPlatform.Inventory.Tests.Providers.Aws;

/// <summary>What the stand-in sends back: a status, a recorded body from Testdata/aws, headers, an optional stall.</summary>
internal sealed record StandInAnswer(int Status, string? File, string ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    public TimeSpan Stall { get; init; }

    public static StandInAnswer Ec2(string file, int status = 200) => new(status, $"ec2/{file}", "text/xml;charset=UTF-8");

    public static StandInAnswer S3(string file, int status = 200) => new(status, $"s3/{file}", "application/xml");

    public static StandInAnswer S3Empty(int status = 204) => new(status, null, "application/xml");

    public static StandInAnswer Eks(string file, int status = 200) => new(status, $"eks/{file}", "application/json");

    public static StandInAnswer EksError(int status, string errorType, string file, string? retryAfter = null)
    {
        var headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = $"{errorType}:http://internal.amazon.com/coral/com.amazonaws.eks/" };
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        return new StandInAnswer(status, $"eks/{file}", "application/json", headers);
    }

    public static string Testdata(string file) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Testdata", "aws", file));

    public async Task WriteAsync(HttpContext context)
    {
        if (Stall > TimeSpan.Zero)
        {
            await Task.Delay(Stall, context.RequestAborted);
        }

        context.Response.StatusCode = Status;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (File is not null)
        {
            context.Response.ContentType = ContentType;
            await context.Response.WriteAsync(Testdata(File), context.RequestAborted);
        }
    }
}
