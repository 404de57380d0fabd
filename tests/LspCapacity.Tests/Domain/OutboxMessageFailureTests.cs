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
    public void RecordTransientFailure_WithinTheRetryTime_StaysPendingWithError()
    {
        var message = OutboxMessages.New(Now);

        message.RecordTransientFailure(Now, "451 try later", retryFor: TimeSpan.FromHours(24));
        message.RecordTransientFailure(Now.AddMinutes(1), "451 try later again", retryFor: TimeSpan.FromHours(24));

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Equal("451 try later again", message.LastError);
        Assert.Equal(Now.AddMinutes(1), message.LastAttemptAt);
    }

    [Fact]
    public void RecordTransientFailure_KeepsRetryingForTheRetryTime_ThenMarksFailed()
    {
        var message = OutboxMessages.New(Now);
        var attemptAt = Now;

        // Every attempt as soon as it is due, as the delivery sweep makes it.
        while (message.Status == OutboxStatus.Pending)
        {
            Assert.True(attemptAt - Now < TimeSpan.FromHours(30), "still retrying after 30 hours");
            message.RecordTransientFailure(attemptAt, "451 try later", retryFor: TimeSpan.FromHours(24));
            if (message.Status == OutboxStatus.Pending)
            {
                attemptAt = message.NextAttemptAt;
            }
        }

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.True(attemptAt - Now >= TimeSpan.FromHours(24), $"failed after only {attemptAt - Now}");
        Assert.True(message.Attempts > 8, $"failed after {message.Attempts} attempts");
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void RecordTransientFailure_WithAShorterRetryTime_FailsSooner()
    {
        var message = OutboxMessages.New(Now);

        message.RecordTransientFailure(Now, "451 try later", retryFor: TimeSpan.FromMinutes(3));
        message.RecordTransientFailure(Now.AddMinutes(1), "451 try later", retryFor: TimeSpan.FromMinutes(3));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        message.RecordTransientFailure(Now.AddMinutes(3), "451 try later", retryFor: TimeSpan.FromMinutes(3)); // 1 + 2 minutes since the first

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(3, message.Attempts);
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
        message.RecordTransientFailure(Now, "451 try later", retryFor: TimeSpan.FromHours(24));

        message.MarkSent(Now.AddMinutes(2));

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Equal(Now.AddMinutes(2), message.SentAt);
        Assert.Null(message.LastError);
    }
}
