namespace IacPlatform.State.Domain;

/// <summary>Who is acting: a user (from the token's subject) and the name shown in history and audit.</summary>
public sealed record Author(Guid? UserId, string Name, bool IsAdmin);
