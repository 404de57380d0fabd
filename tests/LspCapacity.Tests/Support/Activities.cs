using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Support;

/// <summary>Activities and people made straight in the database, through the domain, for page and job tests.</summary>
public static class Activities
{
    /// <summary>A published West Midlands activity starting <paramref name="startsIn"/> from the test clock, open for booking now.</summary>
    public static async Task<int> PublishedActivityAsync(this AppFactory app, int capacity = 20, int? partnershipCap = null,
        BookingMode mode = BookingMode.FirstCome, TimeSpan? startsIn = null, string title = "LAA delivery masterclass")
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var starts = now + (startsIn ?? TimeSpan.FromDays(30));
        return await app.WithDbAsync(async db =>
        {
            var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
            var themeId = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
            var activity = new Activity(regionId, new ActivityDetails(ActivityKind.Seminar, title, "What works in LAA delivery.",
                starts, starts.AddHours(6), "Council House, Birmingham", null, capacity, partnershipCap, now.AddDays(-1), starts,
                mode, null, null, null), [themeId], now);
            activity.Publish(now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
    }

    /// <summary>People with accounts but no password (fast to make), signed in through the test scheme.</summary>
    public static async Task<IReadOnlyList<string>> PeopleAsync(this AppFactory app, int count, params string[] partnerships)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
        var partnershipIds = await db.Partnerships.Where(p => partnerships.Contains(p.Name)).Select(p => p.Id).ToListAsync();
        var emails = new List<string>();
        var prefix = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < count; i++)
        {
            var email = $"person{i}.{prefix}@lsp.example";
            var user = new AppUser
            {
                UserName = email, Email = email, DisplayName = $"Person {i}", Role = Roles.LspStaff, RegionId = regionId,
                PartnershipId = partnershipIds.Count == 0 ? null : partnershipIds[i % partnershipIds.Count],
            };
            var result = await users.CreateAsync(user);
            Assert.True(result.Succeeded);
            await users.AddToRoleAsync(user, Roles.LspStaff);
            emails.Add(email);
        }
        return emails;
    }

    /// <summary>Books for a person as they would: the details page, then its Book form.</summary>
    public static async Task<HttpResponseMessage> BookAsync(this AppFactory app, string email, int activityId) =>
        await app.CreateClientAs(email).SubmitFormAsync($"/activities/{activityId}", new Dictionary<string, string>(), "form[action*='handler=Book']");

    public static Task<List<Booking>> BookingsAsync(this AppFactory app, int activityId) =>
        app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.ActivityId == activityId).OrderBy(b => b.Id).ToListAsync());
}
