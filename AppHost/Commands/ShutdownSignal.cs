using System.Runtime.InteropServices;

namespace IacPlatform.AppHost.Commands;

/// <summary>A token cancelled by Ctrl+C or SIGTERM; the process keeps running so it can stop what it started.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Handle),
        ];
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cts.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (!_cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("apphost: stopping everything it started...");
            _cts.Cancel();
        }
    }
}
