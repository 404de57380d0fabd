using LspCapacity.Web.Email;

namespace LspCapacity.Tests.Domain;

public class OutboxMessageBackoffTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(9, 256)]
    public void BackoffAfter_EachAttempt_Doubles(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMessage.BackoffAfter(attempts));

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(int.MaxValue)]
    public void BackoffAfter_ManyAttempts_IsCappedAtSixHours(int attempts) =>
        Assert.Equal(TimeSpan.FromHours(6), OutboxMessage.BackoffAfter(attempts));

    [Fact]
    public void RecordTransientFailure_SchedulesNextAttemptAfterGrowingBackoff()
    {
        var message = OutboxMessages.New(Now);

        message.RecordTransientFailure(Now, "451 busy", retryFor: TimeSpan.FromHours(24));
        Assert.Equal(Now.AddMinutes(1), message.NextAttemptAt);

        var later = Now.AddMinutes(1);
        message.RecordTransientFailure(later, "451 busy", retryFor: TimeSpan.FromHours(24));
        Assert.Equal(later.AddMinutes(2), message.NextAttemptAt);

        var evenLater = later.AddMinutes(2);
        message.RecordTransientFailure(evenLater, "451 busy", retryFor: TimeSpan.FromHours(24));
        Assert.Equal(evenLater.AddMinutes(4), message.NextAttemptAt);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(3, message.Attempts);
    }
}
