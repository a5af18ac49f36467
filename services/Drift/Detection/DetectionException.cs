namespace IacPlatform.Drift.Detection;

/// <summary>A job cannot be done for a reason its requester can act on (unknown workspace, unreadable state, ...).</summary>
internal sealed class DetectionException(string message) : Exception(message);
