using IacPlatform.ServiceDefaults.Hosting;

namespace IacPlatform.Drift.Detection;

/// <summary>Wakes the detection worker when a job or a resource check is queued, so it runs now rather than at the next poll.</summary>
internal sealed class DetectionSignal : WorkSignal;
