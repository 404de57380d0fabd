using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LspCapacity.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, receiving what MailKit sends. It can be
/// stopped and started again on the same port, told to refuse the next messages with a 4xx or 5xx,
/// or to close each connection once it has accepted a message (as servers with an idle timeout or a
/// cap on messages per connection do).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentQueue<SmtpResponse> _scriptedReplies = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpTestServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }
    public IReadOnlyList<MimeMessage> Received => _received.ToList();
    public bool IsRunning => _server is not null;

    /// <summary>Closes the connection right after replying 250 to each message, so a client that keeps it finds it gone.</summary>
    public bool CloseConnectionAfterEachMessage { get; set; }

    /// <summary>How many connections the server has accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private int _connections;

    public void Start()
    {
        if (_server is not null)
        {
            return;
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, e) =>
        {
            Interlocked.Increment(ref _connections);
            e.Context.CommandExecuted += (_, c) =>
            {
                if (CloseConnectionAfterEachMessage && c.Command is DataCommand)
                {
                    e.Context.Pipe.Dispose(); // the 250 has been written and flushed
                }
            };
        };
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _server = null;
    }

    /// <summary>The next <paramref name="count"/> messages get "451 try again later".</summary>
    public void RefuseNextTemporarily(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _scriptedReplies.Enqueue(new SmtpResponse((SmtpReplyCode)451, "Requested action aborted: try again later"));
        }
    }

    /// <summary>Asked about each message before it is accepted; false refuses it with "451" and it is not kept.</summary>
    public Func<MimeMessage, Task<bool>>? Accepting { get; set; }

    /// <summary>The next message gets "550 mailbox unavailable": a permanent refusal.</summary>
    public void RefuseNextPermanently() =>
        _scriptedReplies.Enqueue(new SmtpResponse((SmtpReplyCode)550, "Requested action not taken: mailbox unavailable"));

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner._scriptedReplies.TryDequeue(out var reply))
            {
                return reply;
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            if (owner.Accepting is { } accepting && !await accepting(message))
            {
                return new SmtpResponse((SmtpReplyCode)451, "Requested action aborted: not accepted");
            }
            owner._received.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
