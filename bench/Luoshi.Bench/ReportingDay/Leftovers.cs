using System.Runtime.InteropServices;

namespace Luoshi.Bench.ReportingDay;

/// <summary>
/// What a run must not leave behind if it is stopped (Ctrl+C, SIGTERM) before its own disposals run: the
/// servers and CLI processes it started, its database copies. Each is registered while it exists and undone
/// on the signal, newest first; a run that ends normally has unregistered them all.
/// </summary>
public static class Leftovers
{
    private static readonly List<(int Id, Action Undo)> Pending = [];
    private static readonly Lock Gate = new();
    private static int s_next;
    private static PosixSignalRegistration? s_interrupt;
    private static PosixSignalRegistration? s_terminate;

    public static IDisposable Register(Action undo)
    {
        lock (Gate)
        {
            s_interrupt ??= PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            s_terminate ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            int id = ++s_next;
            Pending.Add((id, undo));
            return new Registration(id);
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        List<(int Id, Action Undo)> undo;
        lock (Gate)
        {
            undo = [.. Pending];
            Pending.Clear();
        }

        Console.Error.WriteLine($"stopped: cleaning up {undo.Count} thing(s) the run started");
        for (int k = undo.Count - 1; k >= 0; k--)
        {
            try
            {
                undo[k].Undo();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine("  cleanup failed: " + e.Message);
            }
        }

        // The signal's default goes on: the process ends.
        context.Cancel = false;
    }

    private sealed class Registration(int id) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Pending.RemoveAll(p => p.Id == id);
            }
        }
    }
}
