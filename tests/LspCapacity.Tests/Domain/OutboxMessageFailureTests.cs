using LspCapacity.Web.Email;

namespace LspCapacity.Tests.Domain;

public class OutboxMessageFailureTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void New_IsPendingAndDueAtOnceWithItsOwnMessageId()
    {
        var message = OutboxMessages.New(Now);
        var other = OutboxMessages.New(Now, "test:other");

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(Now, message.NextAttemptAt);
        Assert.Equal(0, message.Attempts);
        Assert.EndsWith("@lsp.example", message.MessageId);
        Assert.NotEqual(message.MessageId, other.MessageId);
    }

    [Fact]
    public void RecordTransientFailure_BeforeMaxAttempts_StaysPendingWithError()
    {
        var message = OutboxMessages.New(Now);

        message.RecordTransientFailure(Now, "451 try later", maxAttempts: 3);
        message.RecordTransientFailure(Now.AddMinutes(1), "451 try later again", maxAttempts: 3);

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Equal("451 try later again", message.LastError);
        Assert.Equal(Now.AddMinutes(1), message.LastAttemptAt);
    }

    [Fact]
    public void RecordTransientFailure_ReachingMaxAttempts_MarksFailed()
    {
        var message = OutboxMessages.New(Now);

        for (var i = 0; i < 3; i++)
        {
            message.RecordTransientFailure(Now.AddMinutes(i), "451 try later", maxAttempts: 3);
        }

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void RecordPermanentFailure_MarksFailedAfterOneAttempt()
    {
        var message = OutboxMessages.New(Now);

        message.RecordPermanentFailure(Now, "550 no such mailbox");

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("550 no such mailbox", message.LastError);
        Assert.Equal(Now, message.LastAttemptAt);
    }

    [Fact]
    public void RecordFailure_WithLongError_KeepsTheFirstThousandCharacters()
    {
        var message = OutboxMessages.New(Now);

        message.RecordPermanentFailure(Now, "550 " + new string('x', 2000));

        Assert.Equal(1000, message.LastError!.Length);
        Assert.StartsWith("550 xxx", message.LastError);
    }

    [Fact]
    public void MarkSent_AfterTransientFailure_ClearsErrorAndCountsTheAttempt()
    {
        var message = OutboxMessages.New(Now);
        message.RecordTransientFailure(Now, "451 try later", maxAttempts: 8);

        message.MarkSent(Now.AddMinutes(2));

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Equal(Now.AddMinutes(2), message.SentAt);
        Assert.Null(message.LastError);
    }
}
