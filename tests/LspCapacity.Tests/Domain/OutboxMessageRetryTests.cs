using LspCapacity.Web.Domain;
using LspCapacity.Web.Email;

namespace LspCapacity.Tests.Domain;

public class OutboxMessageRetryTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Retry_WhenFailed_MakesItPendingAndDueNow()
    {
        var message = OutboxMessages.New(Now);
        message.RecordPermanentFailure(Now, "550 no such mailbox");
        var later = Now.AddDays(1);

        message.Retry(later);

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(later, message.NextAttemptAt);
    }

    [Fact]
    public void Retry_WhenPending_Refuses()
    {
        var message = OutboxMessages.New(Now);
        message.RecordTransientFailure(Now, "451 try later", retryFor: TimeSpan.FromHours(24));

        Assert.Throws<DomainException>(() => message.Retry(Now));
        Assert.Equal(Now.AddMinutes(1), message.NextAttemptAt);
    }

    [Fact]
    public void Retry_WhenSent_Refuses()
    {
        var message = OutboxMessages.New(Now);
        message.MarkSent(Now);

        Assert.Throws<DomainException>(() => message.Retry(Now.AddMinutes(1)));
        Assert.Equal(OutboxStatus.Sent, message.Status);
    }
}
