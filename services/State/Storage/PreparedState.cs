using IacPlatform.State.Domain;

namespace IacPlatform.State.Storage;

/// <summary>A write's bytes, examined: their facts (null when they are not a valid state), MD5 and gzip form.</summary>
public sealed record PreparedState(StateFacts? Facts, string? FormatError, byte[] Md5, byte[] Compressed);
