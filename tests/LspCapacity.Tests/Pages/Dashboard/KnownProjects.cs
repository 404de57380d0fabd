using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>
/// The North West of <see cref="KnownRegion"/> with improvement projects, every project figure worked out by hand.
/// Today is 25 November 2026. Themes A and B as there.
///   P1 "Knowsley performance board": Knowsley, theme A, active (accepted 60 days ago), one update 40 days ago → quiet.
///   P2 "Liverpool commissioning":   Liverpool, theme B, active (accepted 10 days ago), no update → not quiet (10 days).
///   P3 "Knowsley youth forum":      Knowsley, theme B, closed with results, public with the lead's consent:
///        M1 "Young people on the forum" 10 → target 20, final 22: met, 120% of the way;
///        M2 "Days to answer a complaint" 40 → target 25 (down is better), final 31: not met, 60% of the way.
///   P4 "Sefton youth proposal":     Sefton, theme A, proposed.     P5 "Liverpool declined": Liverpool, theme A, declined.
/// → by status: proposed 1, active 2, closed 1, declined 1 (5 in all).
/// → by theme: A proposed 1, active 1, declined 1; B active 1, closed 1.
/// → by partnership: Knowsley active 1, closed 1; Liverpool active 1, declined 1; Sefton proposed 1.
/// → support linked: X1's 3 attended places, k1's and k2's for P1 → 2 of 3 (67%); the one started placement (Liverpool)
///   serves P2 → 1 of 1 (100%); together 3 of 4 (75%).
/// → results: 1 of 2 measures met (50%); mean progress (120% + 60%) / 2 = 90%. Quiet: 1 (P1).
/// → coverage: Liverpool×B, uncovered in KnownRegion, is now addressed by P2 (active, theme B): 2 of 2 high needs (100%);
///   Knowsley×A has P1 too. Proposed and declined projects cover nothing.
/// </summary>
public sealed class KnownProjects : IAsyncLifetime
{
    public KnownRegion Region { get; } = new();
    public int P1 { get; private set; }
    public int P2 { get; private set; }
    public int P3 { get; private set; }
    public int P4 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await ((IAsyncLifetime)Region).InitializeAsync();
        var r = Region;
        var now = r.Clock.GetUtcNow().UtcDateTime;
        var today = Web.Infrastructure.UkTime.Today(r.Clock);
        await r.WithDbAsync(async db =>
        {
            var people = await db.Users.Where(u => u.RegionId == r.RegionId && u.Email!.EndsWith("@nw.example"))
                .ToDictionaryAsync(u => u.Email!, u => u.Id);
            var p1 = SupportedProjects.New(db, r.RegionId, r.Knowsley, people["k1@nw.example"], "Knowsley performance board", [r.ThemeA], now, today,
                acceptedDaysAgo: 60);
            var p2 = SupportedProjects.New(db, r.RegionId, r.Liverpool, people["l1@nw.example"], "Liverpool commissioning", [r.ThemeB], now, today,
                acceptedDaysAgo: 10);
            var p3 = SupportedProjects.New(db, r.RegionId, r.Knowsley, people["k2@nw.example"], "Knowsley youth forum", [r.ThemeB], now, today,
                acceptedDaysAgo: 100, measures:
                [
                    new MeasurePlan(null, "Young people on the forum", "young people", 10, today.AddDays(-200), 20, today.AddDays(100)),
                    new MeasurePlan(null, "Days to answer a complaint", "days", 40, today.AddDays(-200), 25, today.AddDays(100)),
                ]);
            var p4 = SupportedProjects.New(db, r.RegionId, r.Sefton, people["mentor@nw.example"], "Sefton youth proposal", [r.ThemeA], now, today,
                ProjectStatus.Proposed);
            SupportedProjects.New(db, r.RegionId, r.Liverpool, people["l2@nw.example"], "Liverpool declined", [r.ThemeA], now, today, ProjectStatus.Declined);
            await db.SaveChangesAsync();
            p1.PostUpdate(people["k1@nw.example"], RagStatus.Green, "Board agreed the measures.", [], [], today.AddDays(-40), now.AddDays(-40));
            var measures = p3.Measures.OrderBy(m => m.Position).ToList();
            p3.Close(people["k2@nw.example"], "Young people now sit on the partnership's board.",
                [new FinalValueInput(measures[0].Id, 22), new FinalValueInput(measures[1].Id, 31)], [], "Mentoring from a neighbouring LSP.", null,
                publicConsent: true, now.AddDays(-3));

            var p1Support = new ProjectForSupport(p1.Id, r.Knowsley, p1.Title, Accepted: true, Completed: false);
            var bookings = await db.Bookings.Where(b => b.ActivityId == r.X1Id && b.Attendance == Attendance.Attended)
                .Join(db.Users, b => b.PersonId, u => u.Id, (b, u) => new { b, u.Email }).ToListAsync();
            foreach (var x in bookings.Where(x => x.Email is "k1@nw.example" or "k2@nw.example"))
            {
                x.b.ServeProject(p1Support);
            }
            var placement = await db.Placements.SingleAsync(p => p.RegionId == r.RegionId);
            placement.ServeProject(new ProjectForSupport(p2.Id, r.Liverpool, p2.Title, Accepted: true, Completed: false));
            await db.SaveChangesAsync();
            (P1, P2, P3, P4) = (p1.Id, p2.Id, p3.Id, p4.Id);
        });
    }

    public async ValueTask DisposeAsync() => await Region.DisposeAsync();
}
