using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Support;

/// <summary>Improvement projects made straight in the database, through the domain, for the tests of what links to them.</summary>
public static class SupportedProjects
{
    /// <summary>
    /// A project of <paramref name="partnershipId"/> led by <paramref name="leadId"/>, in the given themes, with one
    /// measure (10 to 20 "people"), brought to <paramref name="status"/> (accepted <paramref name="acceptedDaysAgo"/> days ago).
    /// </summary>
    public static Project New(AppDbContext db, int regionId, int partnershipId, string leadId, string title, int[] themeIds, DateTime now,
        DateOnly today, ProjectStatus status = ProjectStatus.Active, int acceptedDaysAgo = 5,
        IReadOnlyList<MeasurePlan>? measures = null, string? deciderId = null)
    {
        deciderId ??= leadId; // the decider must be a person (a foreign key); who it is does not matter here
        var project = new Project(regionId, partnershipId, leadId, now.AddDays(-acceptedDaysAgo - 5));
        project.Describe(title, "The problem, in our own words.", themeIds, [], LaaBlocks.SaferAndStrongerCommunities, [new("Central ward", true)],
            leadId, ["Police"], today.AddDays(-200), today.AddDays(200), now.AddDays(-acceptedDaysAgo - 5));
        project.PlanMeasures(measures ?? [new MeasurePlan(null, "People reached", "people", 10, today.AddDays(-200), 20, today.AddDays(200))],
            now.AddDays(-acceptedDaysAgo - 5));
        switch (status)
        {
            case ProjectStatus.Active or ProjectStatus.Closed:
                project.Accept(deciderId, "Mentoring and two seminars.", now.AddDays(-acceptedDaysAgo));
                break;
            case ProjectStatus.Declined:
                project.Decline(deciderId, "Out of scope.", now.AddDays(-acceptedDaysAgo));
                break;
        }
        db.Projects.Add(project);
        return project;
    }

    public static async Task<int> AddAsync(this AppFactory app, string partnershipName, string leadEmail, string title,
        ProjectStatus status = ProjectStatus.Active) =>
        await app.WithDbAsync(async db =>
        {
            var partnership = await db.Partnerships.Where(p => p.Name == partnershipName).Select(p => new { p.Id, p.RegionId }).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == leadEmail).Select(u => u.Id).SingleAsync();
            var theme = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
            var project = New(db, partnership.RegionId, partnership.Id, lead, title, [theme], app.Clock.GetUtcNow().UtcDateTime,
                Web.Infrastructure.UkTime.Today(app.Clock), status);
            await db.SaveChangesAsync();
            return project.Id;
        });
}
