using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Programme;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Support;

/// <summary>Test data beyond the seed: another region with its own partnership and people.</summary>
public static class TestData
{
    public const string OtherCoordinator = "coordinator@north-west.example";
    public const string OtherStaff = "staff@north-west.example";

    /// <summary>Adds a North West region with one partnership, a coordinator and a staff member (once).</summary>
    public static async Task<(int RegionId, int PartnershipId)> AddOtherRegionAsync(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LspCapacity.Web.Data.AppDbContext>();
        var existing = await db.Regions.SingleOrDefaultAsync(r => r.Code == "north-west");
        if (existing is not null)
        {
            return (existing.Id, await db.Partnerships.Where(p => p.RegionId == existing.Id).Select(p => p.Id).FirstAsync());
        }
        var region = new Region("north-west", "North West");
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        var partnership = new Partnership(region.Id, "Knowsley", AreaType.Metropolitan, receivesNrf: true);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await CreateUserAsync(users, OtherCoordinator, "Nell North-West", Roles.Coordinator, region.Id, null);
        await CreateUserAsync(users, OtherStaff, "Kim Knowsley", Roles.LspStaff, region.Id, partnership.Id);
        return (region.Id, partnership.Id);
    }

    public static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, string name, string role, int regionId, int? partnershipId)
    {
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Role = role,
            RegionId = regionId, PartnershipId = partnershipId,
        };
        var result = await users.CreateAsync(user, Demo.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public static Task<int> PartnershipIdAsync(this AppFactory app, string name) =>
        app.WithDbAsync(db => db.Partnerships.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    public static Task<string> UserIdAsync(this AppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
