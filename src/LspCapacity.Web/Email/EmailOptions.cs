using MailKit.Security;

namespace LspCapacity.Web.Email;

public enum DeliveryMode
{
    /// <summary>Write .eml files to a folder: the default for a first run.</summary>
    Pickup,
    Smtp,
}

/// <summary>The "Email" section.</summary>
public class EmailOptions
{
    public const string Section = "Email";

    public DeliveryMode Mode { get; set; } = DeliveryMode.Pickup;
    public string FromAddress { get; set; } = "programme@lsp.example";
    public string FromName { get; set; } = "LSP Capacity Building Programme";

    /// <summary>Pickup folder; relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    /// <summary>How long temporary failures are retried with back-off before a message is marked failed.</summary>
    public double RetryHours { get; set; } = 24;

    /// <summary>Messages taken per delivery run.</summary>
    public int BatchSize { get; set; } = 50;

    public SmtpOptions Smtp { get; set; } = new();
}

public class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
