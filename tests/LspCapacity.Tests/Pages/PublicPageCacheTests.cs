using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// The output cache of the public pages and the reference data held in memory (issue 22): a change made
/// through another app instance on the same database shows at once, and nothing signed in is ever cached.
/// </summary>
public class PublicPageCacheTests
{
    [Fact]
    public async Task AChangeOnAnotherInstance_ShowsAtOnce_InCachedPublicPagesAndReferenceData()
    {
        await using var first = new AppFactory();
        var visitor = first.CreateAnonymousClient();
        var staff = first.CreateClientAs(Demo.StaffCoventry);
        // Cached on the first instance: the library and the feed (output cache), the themes (reference data).
        foreach (var url in new[] { "/library", "/library/feed.xml", "/library?q=Quillfeather" })
        {
            await visitor.GetStringAsync(url);
            Assert.True((await visitor.GetAsync(url)).Headers.Age is not null, $"{url} was not served from the output cache");
        }
        await staff.GetStringAsync("/activities");

        await using var second = AppFactory.SecondInstanceOf(first);
        await second.WithDbAsync(async db =>
        {
            var now = second.Clock.GetUtcNow().UtcDateTime;
            var author = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => new { u.Id, u.RegionId }).SingleAsync();
            var theme = await db.Themes.OrderBy(t => t.Position).FirstAsync();
            var study = new CaseStudy(author.RegionId!.Value, author.Id, now);
            study.Edit("Quillfeather neighbourhood budgets", "Published on the second instance.", "Body.", PracticeKind.Project,
                null, null, null, null, [theme.Id], now);
            study.Submit(now);
            study.Publish(now);
            db.CaseStudies.Add(study);
            theme.Update("Renamed on the second instance", theme.Description, theme.Position);
            await db.SaveChangesAsync();
        });

        foreach (var url in new[] { "/library", "/library/feed.xml", "/library?q=Quillfeather" })
        {
            Assert.Contains("Quillfeather neighbourhood budgets", await visitor.GetStringAsync(url));
        }
        Assert.Contains("Renamed on the second instance", await visitor.GetStringAsync("/library"));
        Assert.Contains("Renamed on the second instance", await staff.GetStringAsync("/activities"));
    }

    [Fact]
    public async Task SignedInPages_AreNeverServedFromTheOutputCache_AndEveryoneSeesTheirOwnPage()
    {
        await using var app = new AppFactory();
        var names = await app.WithDbAsync(db => db.Users
            .Where(u => u.Email == Demo.StaffBirmingham || u.Email == Demo.Coordinator || u.Email == Demo.StaffCoventry)
            .ToDictionaryAsync(u => u.Email!, u => u.DisplayName));
        // A visitor's copy of each page is in the cache first.
        var visitor = app.CreateAnonymousClient();
        foreach (var url in new[] { "/", "/library", "/library/feed.xml" })
        {
            await visitor.GetAsync(url);
            Assert.NotNull((await visitor.GetAsync(url)).Headers.Age);
        }

        var looks = names.Keys.SelectMany(email => Enumerable.Range(0, 10).SelectMany(_ => new[] { "/", "/library" }).Select(url => (email, url)));
        await Task.WhenAll(looks.Select(async look =>
        {
            var response = await app.CreateClientAs(look.email).GetAsync(look.url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age); // never from the cache
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"Signed in as {WebUtility.HtmlEncode(names[look.email])}", html);
            foreach (var other in names.Where(n => n.Key != look.email))
            {
                Assert.DoesNotContain($"Signed in as {WebUtility.HtmlEncode(other.Value)}", html);
            }
        }));

        // And the visitor's copy never became anyone's page.
        var home = await visitor.GetStringAsync("/");
        Assert.DoesNotContain("Signed in as", home);
    }
}
