namespace LspCapacity.Web.Email;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Never to be sent: its recipient was erased before it went.</summary>
    Withdrawn = 3,

    /// <summary>Not sent, on purpose: the person it was for has been deactivated.</summary>
    Withheld = 4,
}

/// <summary>
/// An email waiting to go, written in the same transaction as the change that caused it. The
/// de-duplication key makes "send this once" a database fact; the fixed Message-Id lets a receiver
/// recognise a redelivery after a crash between sending and marking sent.
/// </summary>
public class OutboxMessage
{
    private readonly List<OutboxAttachment> _attachments = [];

    private OutboxMessage() { }

    public OutboxMessage(string deduplicationKey, string toAddress, string? toName, string subject,
        string textBody, string htmlBody, DateTime createdAt, string messageIdDomain, int? regionId = null)
    {
        RegionId = regionId;
        DeduplicationKey = deduplicationKey;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        MessageId = $"{Guid.NewGuid():N}@{messageIdDomain}";
        Status = OutboxStatus.Pending;
    }

    public long Id { get; private set; }
    public string DeduplicationKey { get; private set; } = "";

    /// <summary>The region whose coordinators may see this message on /outbox; null (a person with no region) for admins only.</summary>
    public int? RegionId { get; private set; }
    public string MessageId { get; private set; } = "";
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>When the body was cleared (retention or erasure): the row's metadata stays, the words go.</summary>
    public DateTime? BodyClearedAt { get; private set; }

    /// <summary>While set and in the future, one delivery run owns this row.</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>
    /// The delivery run that holds the claim (with <see cref="LockedUntil"/>): a run claims a batch
    /// in one conditional update and then loads exactly the rows that carry its token.
    /// </summary>
    public Guid? ClaimToken { get; private set; }
    public IReadOnlyList<OutboxAttachment> Attachments => _attachments;

    public void Attach(string fileName, string contentType, byte[] content) =>
        _attachments.Add(new OutboxAttachment(fileName, contentType, content));

    public void MarkSent(DateTime now)
    {
        Attempts++;
        LastAttemptAt = now;
        SentAt = now;
        Status = OutboxStatus.Sent;
        LastError = null;
        LockedUntil = null;
        ClaimToken = null;
    }

    /// <summary>
    /// A 4xx reply or a dropped connection: try again after a growing back-off, until the back-offs
    /// since the first attempt add up to <paramref name="retryFor"/> (so a mail server outage of that
    /// long loses nothing), then fail.
    /// </summary>
    public void RecordTransientFailure(DateTime now, string error, TimeSpan retryFor)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = Truncate(error);
        LockedUntil = null;
        ClaimToken = null;
        if (RetriedFor(Attempts) >= retryFor)
        {
            Status = OutboxStatus.Failed;
            return;
        }
        NextAttemptAt = now + BackoffAfter(Attempts);
    }

    /// <summary>A 5xx reply: the server will never take it; no retry loop.</summary>
    public void RecordPermanentFailure(DateTime now, string error)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = Truncate(error);
        LockedUntil = null;
        ClaimToken = null;
        Status = OutboxStatus.Failed;
    }

    /// <summary>Clears the words and attachments of the email, keeping who it was to, when and whether it went.</summary>
    public void ClearBody(DateTime now)
    {
        TextBody = "";
        HtmlBody = "";
        _attachments.Clear();
        BodyClearedAt ??= now;
    }

    /// <summary>
    /// The recipient was erased: the body goes, the address becomes their placeholder, and an email not
    /// yet sent is withdrawn, never sent.
    /// </summary>
    public void ForgetRecipient(string placeholderAddress, string placeholderName, DateTime now)
    {
        ClearBody(now);
        ToAddress = placeholderAddress;
        ToName = placeholderName;
        if (Status == OutboxStatus.Pending)
        {
            Status = OutboxStatus.Withdrawn;
            LockedUntil = null;
            ClaimToken = null;
        }
    }

    /// <summary>Never sent: the person it was for has been deactivated since it was queued.</summary>
    public void Withhold(DateTime now, string reason)
    {
        LastAttemptAt = now;
        LastError = Truncate(reason);
        LockedUntil = null;
        ClaimToken = null;
        Status = OutboxStatus.Withheld;
    }

    /// <summary>A coordinator asks for a failed message to be tried again.</summary>
    public void Retry(DateTime now)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new Domain.DomainException("Only a failed email can be retried.");
        }
        Status = OutboxStatus.Pending;
        NextAttemptAt = now;
        LockedUntil = null;
        ClaimToken = null;
    }

    /// <summary>
    /// The least time from the first attempt to attempt number <paramref name="attempts"/>: the back-offs
    /// in between (a run starts only when a row is due, never before).
    /// </summary>
    public static TimeSpan RetriedFor(int attempts) =>
        TimeSpan.FromTicks(Enumerable.Range(1, Math.Max(0, attempts - 1)).Sum(a => BackoffAfter(a).Ticks));

    /// <summary>1, 2, 4, 8 … minutes, capped at six hours.</summary>
    public static TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 360));

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];
}

public class OutboxAttachment
{
    private OutboxAttachment() { }

    internal OutboxAttachment(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public long Id { get; private set; }
    public long OutboxMessageId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}
