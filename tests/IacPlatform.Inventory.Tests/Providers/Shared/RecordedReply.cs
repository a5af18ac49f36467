namespace IacPlatform.Inventory.Tests.Providers;

/// <summary>One recorded answer: status, body (with "{{base}}" for the stand-in's address) and extra headers.</summary>
public sealed record RecordedReply(int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers);
