using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Luoshi.Application.Tests.Notifications;

/// <summary>A real SMTP server on a local port (the SmtpServer package): it keeps what it accepts, and refuses while told to.</summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private Task? _running;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    /// <summary>How many messages to refuse (554) before accepting again.</summary>
    public int RefuseNext
    {
        get => _store.RefuseNext;
        set => _store.RefuseNext = value;
    }

    public static TestSmtpServer Start(int? port = null)
    {
        var server = new TestSmtpServer(port ?? FreePort());
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, server.Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(server._store);
        server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        return server;
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public int RefuseNext { get; set; }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (RefuseNext > 0)
            {
                RefuseNext--;
                return SmtpResponse.TransactionFailed;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
