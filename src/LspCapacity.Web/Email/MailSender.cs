using System.Net.Sockets;
using LspCapacity.Web.Infrastructure;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LspCapacity.Web.Email;

/// <summary>How a delivery attempt ended.</summary>
public enum SendOutcome
{
    Sent,

    /// <summary>4xx reply, refused or dropped connection, timeout: worth trying again later.</summary>
    Transient,

    /// <summary>5xx reply: the server will never accept this message.</summary>
    Permanent,
}

public sealed record SendResult(SendOutcome Outcome, string? Error = null);

/// <summary>
/// Turns outbox rows into MIME messages and hands them to SMTP (MailKit) or the pickup folder.
/// Scoped: one delivery run keeps one SMTP connection open for all its messages (a new connection,
/// and with it a TLS handshake and authentication, per message made large batches slow), and drops
/// it after any failure so the next message starts clean.
/// </summary>
public sealed class MailSender(IOptions<EmailOptions> options, IOptions<AppOptions> app, IWebHostEnvironment env) : IAsyncDisposable
{
    private readonly EmailOptions _options = options.Value;
    private SmtpClient? _client;

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = ToMime(message);
        // One span per message handed on (a child of the delivery job's, when tracing is on), with where
        // it went and how it ended; never the address or the subject, which are personal data.
        using var activity = AppTelemetry.Source.StartActivity(_options.Mode == DeliveryMode.Pickup ? "email pickup" : "smtp send",
            System.Diagnostics.ActivityKind.Client);
        if (activity is not null && _options.Mode != DeliveryMode.Pickup)
        {
            activity.SetTag("server.address", _options.Smtp.Host);
            activity.SetTag("server.port", _options.Smtp.Port);
        }
        var result = await TrySendAsync(mime, message, cancellationToken);
        var outcome = result.Outcome.ToString().ToLowerInvariant();
        activity?.SetTag("lspcapacity.email.outcome", outcome);
        if (result.Outcome != SendOutcome.Sent)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
            await DisconnectAsync();
        }
        AppTelemetry.EmailsSent.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        return result;
    }

    private async Task<SendResult> TrySendAsync(MimeMessage mime, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (_options.Mode == DeliveryMode.Pickup)
            {
                await WriteToPickupAsync(mime, message, cancellationToken);
            }
            else
            {
                await SendSmtpAsync(mime, cancellationToken);
            }
            return new SendResult(SendOutcome.Sent);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            return new SendResult(SendOutcome.Permanent, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (SmtpCommandException e)
        {
            return new SendResult(SendOutcome.Transient, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (e is AuthenticationException or SslHandshakeException or NotSupportedException)
        {
            // The SMTP settings are wrong (credentials, TLS, no AUTH offered). Back off and show it on the
            // row rather than throwing, which left the row claimed, unrecorded and the rest of the batch unsent.
            return new SendResult(SendOutcome.Transient, $"{e.GetType().Name}: {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or SocketException
                                      or IOException or TimeoutException or OperationCanceledException
                                      && !cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Transient, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),
        };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Headers.Add("X-Outbox-Key", message.DeduplicationKey);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task SendSmtpAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        var kept = _client is { IsConnected: true };
        try
        {
            await (await ConnectedClientAsync(cancellationToken)).SendAsync(mime, cancellationToken);
        }
        catch (Exception e) when (kept && e is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException)
        {
            // The connection kept from the previous message is gone: servers close connections that sit
            // idle or have carried their quota of messages. Connect again and send at once, once, rather
            // than leave the message to wait out a retry back-off; a second failure is a real one.
            await DisconnectAsync();
            await (await ConnectedClientAsync(cancellationToken)).SendAsync(mime, cancellationToken);
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        await DisconnectAsync();
        var smtp = _options.Smtp;
        _client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await _client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await _client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        return _client;
    }

    private async Task DisconnectAsync()
    {
        if (_client is null)
        {
            return;
        }
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException
                                      or ServiceNotConnectedException or TimeoutException or OperationCanceledException)
        {
            // The connection is going anyway.
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync();

    private async Task WriteToPickupAsync(MimeMessage mime, OutboxMessage message, CancellationToken cancellationToken)
    {
        var folder = PickupFolder();
        Directory.CreateDirectory(folder);
        // Named by outbox id: delivering the same row again overwrites rather than duplicates.
        var path = Path.Combine(folder, $"{message.CreatedAt:yyyyMMdd-HHmmss}-{message.Id:D8}.eml");
        var temp = path + ".tmp";
        await mime.WriteToAsync(temp, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public string PickupFolder()
    {
        var data = app.Value.ResolveDataFolder(env.ContentRootPath);
        return Path.IsPathRooted(_options.PickupFolder) ? _options.PickupFolder : Path.Combine(data, _options.PickupFolder);
    }
}
