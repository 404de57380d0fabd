using LspCapacity.Web.Email;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Email;

/// <summary>"When" in booking emails: UK time, GOV.UK style, the date once when it is one day.</summary>
public class ActivityEmailsWhenTests
{
    [Fact]
    public void SameDay_InGmt_GivesTheDateOnce() =>
        Assert.Equal("28 March 2026 at 10am to 4pm", ActivityEmails.When(Utc(2026, 3, 28, 10), Utc(2026, 3, 28, 16)));

    [Fact]
    public void SameDay_InBst_GivesUkTimes() =>
        Assert.Equal("10 June 2026 at 10am to 4:30pm", ActivityEmails.When(Utc(2026, 6, 10, 9), Utc(2026, 6, 10, 15, 30)));

    [Fact]
    public void SameDay_WithASingleDigitDay_GivesTheDateOnce() =>
        Assert.Equal("1 April 2026 at 9:15am to midday", ActivityEmails.When(Utc(2026, 4, 1, 8, 15), Utc(2026, 4, 1, 11)));

    [Fact]
    public void EndingAtMidnight_SaysMidnight() =>
        Assert.Equal("10 December 2026 at 7pm to 11 December 2026 at midnight", ActivityEmails.When(Utc(2026, 12, 10, 19), Utc(2026, 12, 11, 0)));

    [Fact]
    public void MultiDay_GivesBothDates() =>
        Assert.Equal("28 March 2026 at 10am to 30 March 2026 at 4pm", ActivityEmails.When(Utc(2026, 3, 28, 10), Utc(2026, 3, 30, 15)));

    [Fact]
    public void SameUkDay_AcrossUtcMidnight_GivesTheDateOnce() =>
        // 23:30 UTC on 9 June is 12:30am on 10 June in the UK.
        Assert.Equal("10 June 2026 at 12:30am to 3am", ActivityEmails.When(Utc(2026, 6, 9, 23, 30), Utc(2026, 6, 10, 2)));

    [Fact]
    public void SameUtcDay_EndingAfterUkMidnight_GivesBothDates() =>
        Assert.Equal("10 June 2026 at 9pm to 11 June 2026 at 12:30am", ActivityEmails.When(Utc(2026, 6, 10, 20), Utc(2026, 6, 10, 23, 30)));

    [Fact]
    public void ForAnActivity_UsesItsStartAndEnd()
    {
        // Starts is 10 June 2026 09:00 UTC, Ends 15:00 UTC.
        Assert.Equal("10 June 2026 at 10am to 4pm", ActivityEmails.When(Published()));
    }
}
