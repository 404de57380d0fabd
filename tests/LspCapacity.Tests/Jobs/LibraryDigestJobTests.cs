using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Jobs;

public sealed class LibraryDigestJobTests : SmtpAppTest
{
    private async Task PublishAsync(string title, string themeCode)
    {
        await App.WithDbAsync(async db =>
        {
            var author = await db.Users.SingleAsync(u => u.Email == Demo.StaffBirmingham);
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var item = new CaseStudy(author.RegionId!.Value, author.Id, now);
            item.Edit(title, "Summary.", "Body.", PracticeKind.Project, author.PartnershipId, null, null, null,
                [await db.Themes.Where(t => t.Code == themeCode).Select(t => t.Id).SingleAsync()], now);
            item.Submit(now);
            db.CaseStudies.Add(item);
            await db.SaveChangesAsync();
            item.Publish(now);
            await db.SaveChangesAsync();
        });
    }

    private Task<int> DigestAsync() => App.RunAsync<LibraryDigestJob, int>(j => j.SendAsync());

    [Fact]
    public async Task Digest_GoesOncePerPeriod_WithOnlyNewItemsInFollowedThemes_AndUnsubscribeWorksWithoutSignIn()
    {
        var governance = await App.WithDbAsync(db => db.Themes.Where(t => t.Code == "partnership-governance").Select(t => t.Id).SingleAsync());
        var follow = await App.CreateClientAs(Demo.Mentor).SubmitFormAsync("/library/follow", new Dictionary<string, string> { ["ThemeIds"] = governance.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);

        App.Clock.Advance(TimeSpan.FromHours(1));
        await PublishAsync("Board away days that work", "partnership-governance");
        await PublishAsync("Data sharing protocol", "evidence-and-intelligence");
        App.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await DigestAsync());
        Assert.Equal(0, await DigestAsync()); // nothing new: nothing twice
        await App.DeliverOutboxAsync();
        var digest = Assert.Single(Smtp.Received, m => m.To.Mailboxes.Single().Address == Demo.Mentor);
        Assert.Contains("Board away days that work", digest.TextBody);
        Assert.DoesNotContain("Data sharing protocol", digest.TextBody);

        // Next period: only the newer item.
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await PublishAsync("Chairing a partnership board", "partnership-governance");
        App.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await DigestAsync());
        await App.DeliverOutboxAsync();
        var second = Smtp.Received.Where(m => m.To.Mailboxes.Single().Address == Demo.Mentor).Last();
        Assert.Contains("Chairing a partnership board", second.TextBody);
        Assert.DoesNotContain("Board away days that work", second.TextBody);

        var unsubscribe = Emails.LinkIn(second, "/library/unsubscribe");
        var anonymous = App.CreateAnonymousClient();
        var stopped = await anonymous.SubmitFormAsync(unsubscribe, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("no more digests", (await stopped.ParseAsync()).QuerySelector("h1")!.TextContent);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await PublishAsync("Another governance story", "partnership-governance");
        App.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await DigestAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/library/unsubscribe?token=guess")).StatusCode);
    }
}
