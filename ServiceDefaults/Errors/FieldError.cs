namespace IacPlatform.ServiceDefaults.Errors;

/// <summary>One invalid field of a request, reported in the error's <c>details</c>.</summary>
public sealed record FieldError(string Field, string Message);
