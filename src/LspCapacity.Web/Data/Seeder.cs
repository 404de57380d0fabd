using System.Text.Json;
using System.Text.Json.Serialization;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Programme;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Data;

/// <summary>The "Seed" section.</summary>
public class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load the reference data in seed/ at start-up (idempotent).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Also load demo people and demo records. On by default in Development only.</summary>
    public bool DemoData { get; set; }

    public string DemoPassword { get; set; } = "Capacity-2006!";

    /// <summary>Folder holding the seed files; relative to the app's base directory.</summary>
    public string Folder { get; set; } = "seed";
}

/// <summary>
/// Loads seed/ into the database. Everything is matched on its natural key (region code, programme
/// name, partnership name, theme code, email), so loading twice changes nothing.
/// </summary>
public sealed partial class Seeder(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IOptions<SeedOptions> options, TimeProvider clock, ILogger<Seeder> logger)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SeedOptions _options = options.Value;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedRolesAsync();
        if (!_options.Enabled)
        {
            return;
        }
        var folder = Path.IsPathRooted(_options.Folder) ? _options.Folder : Path.Combine(AppContext.BaseDirectory, _options.Folder);
        await SeedProgrammesAsync(Read<ProgrammeFile>(folder, "programme.json"), cancellationToken);
        await SeedThemesAsync(Read<List<ThemeSeed>>(folder, "themes.json"), cancellationToken);
        await SeedPartnershipsAsync(Read<PartnershipFile>(folder, "partnerships.json"), cancellationToken);
        if (_options.DemoData)
        {
            await SeedDemoPeopleAsync(Read<List<PersonSeed>>(folder, Path.Combine("demo", "people.json")), cancellationToken);
            await SeedDemoActivitiesAsync(Read<List<ActivitySeed>>(folder, Path.Combine("demo", "activities.json")), cancellationToken);
            await SeedDemoMentoringAsync(cancellationToken);
            await SeedDemoCaseStudiesAsync(Read<List<CaseStudySeed>>(folder, Path.Combine("demo", "case-studies.json")), cancellationToken);
            await SeedDemoReviewAsync(cancellationToken);
            await SeedDemoProjectsAsync(Read<List<ProjectSeed>>(folder, Path.Combine("demo", "projects.json")), cancellationToken);
            await SeedDemoBrokerageAsync(cancellationToken);
        }
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task SeedProgrammesAsync(ProgrammeFile file, CancellationToken cancellationToken)
    {
        foreach (var seed in file.Regions)
        {
            var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == seed.Code, cancellationToken);
            if (region is null)
            {
                db.Regions.Add(new Region(seed.Code, seed.Name, seed.InSentence));
            }
            else if (region.NameInSentence is null)
            {
                region.SetNameInSentence(seed.InSentence); // a region loaded before names carried their article
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var seed in file.Programmes)
        {
            var regionId = await RegionIdAsync(seed.Region, cancellationToken);
            if (await db.Programmes.AnyAsync(p => p.RegionId == regionId && p.Name == seed.Name, cancellationToken))
            {
                continue;
            }
            var programme = new Domain.Programme.Programme(regionId, seed.Name, seed.Aim, seed.StartsOn, seed.EndsOn, seed.Budget);
            foreach (var objective in seed.Objectives)
            {
                programme.AddObjective(objective);
            }
            db.Programmes.Add(programme);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedThemesAsync(List<ThemeSeed> themes, CancellationToken cancellationToken)
    {
        var existing = await db.Themes.Select(t => t.Code).ToListAsync(cancellationToken);
        var position = 1;
        foreach (var seed in themes)
        {
            if (!existing.Contains(seed.Code))
            {
                db.Themes.Add(new Theme(seed.Code, seed.Name, seed.Description, position));
            }
            position++;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedPartnershipsAsync(PartnershipFile file, CancellationToken cancellationToken)
    {
        var regionId = await RegionIdAsync(file.Region, cancellationToken);
        var existing = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name, cancellationToken);
        // Counties first, so districts can point at them.
        foreach (var seed in file.Partnerships.OrderBy(p => p.County is null ? 0 : 1))
        {
            if (existing.ContainsKey(seed.Name))
            {
                continue;
            }
            if (seed.County is not null && !existing.ContainsKey(seed.County))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            var partnership = new Partnership(regionId, seed.Name, seed.AreaType, seed.Nrf,
                seed.County is null ? null : existing[seed.County].Id);
            db.Partnerships.Add(partnership);
            existing[seed.Name] = partnership;
            if (seed.AreaType == AreaType.County)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedDemoPeopleAsync(List<PersonSeed> people, CancellationToken cancellationToken)
    {
        foreach (var seed in people)
        {
            if (await users.FindByEmailAsync(seed.Email) is not null)
            {
                continue;
            }
            var regionId = await RegionIdAsync(seed.Region, cancellationToken);
            int? partnershipId = seed.Partnership is null
                ? null
                : await db.Partnerships.Where(p => p.RegionId == regionId && p.Name == seed.Partnership)
                    .Select(p => p.Id).SingleAsync(cancellationToken);
            var user = new AppUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.Name,
                Organisation = seed.Organisation,
                RegionId = regionId,
                PartnershipId = partnershipId,
                Role = seed.Role,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, _options.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo person {seed.Email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, seed.Role);
            logger.LogInformation("Seeded demo person with role {Role}", seed.Role);
        }
    }

    /// <summary>Demo activities are placed relative to today, so a first run always has something to book.</summary>
    private async Task SeedDemoActivitiesAsync(List<ActivitySeed> activities, CancellationToken cancellationToken)
    {
        var regionId = await RegionIdAsync("west-midlands", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Infrastructure.UkTime.Today(clock);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        foreach (var seed in activities)
        {
            if (await db.Activities.AnyAsync(a => a.RegionId == regionId && a.Title == seed.Title, cancellationToken))
            {
                continue;
            }
            var day = today.AddDays(seed.StartsInDays);
            var starts = Infrastructure.UkTime.ToUtc(day.ToDateTime(TimeOnly.Parse(seed.StartTime, System.Globalization.CultureInfo.InvariantCulture)));
            var ends = Infrastructure.UkTime.ToUtc(day.ToDateTime(TimeOnly.Parse(seed.EndTime, System.Globalization.CultureInfo.InvariantCulture)));
            var cutoff = seed.MinimumCutoffDaysBefore is { } before ? Infrastructure.UkTime.ToUtc(day.AddDays(-before).ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
            var activity = new Domain.Activities.Activity(regionId, new Domain.Activities.ActivityDetails(
                seed.Kind, seed.Title, seed.Description, starts, ends, seed.Venue,
                seed.HostPartnership is null ? null : partnerships[seed.HostPartnership], seed.Capacity, seed.PartnershipCap,
                now, Infrastructure.UkTime.ToUtc(day.AddDays(-7).ToDateTime(TimeOnly.MinValue)), seed.Mode, null,
                seed.MinimumNumber, cutoff), seed.Themes.Select(t => themes[t]), now);
            activity.SetCosts(seed.Costs.Select(c => (c.Key, (string?)null, c.Value)));
            activity.Publish(now);
            db.Activities.Add(activity);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo mentor's profile, and one active mentoring pairing with Birmingham that has a session logged.</summary>
    private async Task SeedDemoMentoringAsync(CancellationToken cancellationToken)
    {
        var mentor = await users.FindByEmailAsync("mentor@lsp.example");
        var mentee = await users.FindByEmailAsync("staff.birmingham@lsp.example");
        if (mentor is null || mentee is null || await db.MentorProfiles.AnyAsync(m => m.PersonId == mentor.Id, cancellationToken))
        {
            return;
        }
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var profile = new Domain.Placements.MentorProfile(mentor.Id, mentor.RegionId!.Value);
        profile.Update(mentor.Organisation, "Former LSP manager; led a performance framework and a pooled budget pilot.", 3, 0,
            [Domain.Placements.PlacementKind.Mentoring, Domain.Placements.PlacementKind.Coaching],
            [themes["performance-management"], themes["commissioning-and-budgets"], themes["partnership-governance"]], true);
        db.MentorProfiles.Add(profile);
        var today = Infrastructure.UkTime.Today(clock);
        var placement = new Domain.Placements.Placement(mentee.RegionId!.Value, Domain.Placements.PlacementKind.Mentoring, mentor.Id, mentee.Id,
            mentee.PartnershipId!.Value, "Build a performance framework the board owns.\nReport LAA progress without a scramble.",
            today.AddDays(-30), today.AddMonths(5), [themes["performance-management"]], null, null, null);
        placement.LogSession(mentor.Id, today.AddDays(-14), 90, Domain.Placements.SessionMode.InPerson,
            "Mapped current reporting and agreed a first set of measures.", null, "Draft the framework for the next board.", today,
            clock.GetUtcNow().UtcDateTime);
        db.Placements.Add(placement);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A few published case studies, written by the demo coordinator on behalf of their partnerships.</summary>
    private async Task SeedDemoCaseStudiesAsync(List<CaseStudySeed> seeds, CancellationToken cancellationToken)
    {
        var coordinator = await users.FindByEmailAsync("coordinator@lsp.example");
        if (coordinator is null)
        {
            return;
        }
        var regionId = coordinator.RegionId!.Value;
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seed in seeds)
        {
            if (await db.CaseStudies.AnyAsync(c => c.RegionId == regionId && c.Title == seed.Title, cancellationToken))
            {
                continue;
            }
            var item = new Domain.Library.CaseStudy(regionId, coordinator.Id, now);
            item.Edit(seed.Title, seed.Summary, seed.Body, seed.Kind, partnerships[seed.Partnership], seed.Outcomes, seed.Contact, null,
                seed.Themes.Select(t => themes[t]), now);
            item.Submit(now);
            db.CaseStudies.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            item.Publish(now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A peer review of Birmingham waiting for its self-assessment, with the demo mentor leading and
    /// Coventry's staff as a peer: sign in as staff.birmingham to complete it.
    /// </summary>
    private async Task SeedDemoReviewAsync(CancellationToken cancellationToken)
    {
        var lead = await users.FindByEmailAsync("mentor@lsp.example");
        var peer = await users.FindByEmailAsync("staff.coventry@lsp.example");
        var host = await users.FindByEmailAsync("staff.birmingham@lsp.example");
        if (lead is null || peer is null || host is null || await db.PeerReviews.AnyAsync(r => r.HostPartnershipId == host.PartnershipId, cancellationToken))
        {
            return;
        }
        var themes = await db.Themes.Where(t => t.Code == "performance-management" || t.Code == "partnership-governance")
            .Select(t => t.Id).ToListAsync(cancellationToken);
        var today = Infrastructure.UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var review = new Domain.Reviews.PeerReview(host.RegionId!.Value, host.PartnershipId!.Value, themes,
            "How the board holds partners to account for the Local Area Agreement's targets.", today.AddDays(-7), today.AddDays(40),
            today.AddDays(60), today.AddDays(62), today.AddDays(-7), now);
        review.AddMember(Domain.Reviews.ReviewActor.Coordinator, lead.Id, lead.PartnershipId, Domain.Reviews.TeamRole.Lead);
        review.AddMember(Domain.Reviews.ReviewActor.Coordinator, peer.Id, peer.PartnershipId, Domain.Reviews.TeamRole.Peer);
        review.MoveOn(Domain.Reviews.ReviewStage.Scoping, Domain.Reviews.ReviewActor.Coordinator, lead.Id, today, now);
        db.PeerReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Improvement projects at different stages (proposed, active with updates, closed with results), dated
    /// relative to today; the coordinator accepted the ones past the proposal.
    /// </summary>
    private async Task SeedDemoProjectsAsync(List<ProjectSeed> seeds, CancellationToken cancellationToken)
    {
        var coordinator = await users.FindByEmailAsync("coordinator@lsp.example");
        if (coordinator is null)
        {
            return;
        }
        var regionId = coordinator.RegionId!.Value;
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var today = Infrastructure.UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seed in seeds)
        {
            var partnershipId = partnerships[seed.Partnership];
            var lead = await users.FindByEmailAsync(seed.Lead);
            if (lead is null || await db.Projects.AnyAsync(p => p.PartnershipId == partnershipId && p.Title == seed.Title, cancellationToken))
            {
                continue;
            }
            var project = new Domain.Projects.Project(regionId, partnershipId, lead.Id, now);
            project.Describe(seed.Title, seed.Problem, seed.Themes.Select(t => themes[t]), [],
                seed.LaaBlocks.Aggregate(Domain.Projects.LaaBlocks.None, (all, b) => all | b),
                seed.Neighbourhoods.Select(n => new Domain.Projects.NeighbourhoodPlan(n.Name, n.Deprived)), lead.Id, seed.Partners,
                today.AddDays(seed.StartsInDays), today.AddDays(seed.EndsInDays), now);
            project.PlanMilestones(seed.Milestones.Select(m => new Domain.Projects.MilestonePlan(null, m.Title, today.AddDays(m.DueInDays))), now);
            project.PlanMeasures(seed.Measures.Select(m => new Domain.Projects.MeasurePlan(null, m.Name, m.Unit, m.Baseline, today.AddDays(m.BaselineInDays),
                m.Target, today.AddDays(m.TargetInDays))), now);
            db.Projects.Add(project);
            await db.SaveChangesAsync(cancellationToken); // milestones and measures need their ids before updates name them
            if (seed.Stage == Domain.Projects.ProjectStatus.Proposed)
            {
                continue;
            }
            project.Accept(coordinator.Id, seed.SupportPlan ?? "", now);
            var milestones = project.Milestones.OrderBy(m => m.DueOn).ToList();
            var measures = project.Measures.OrderBy(m => m.Position).ToList();
            for (var i = 0; i < seed.Updates.Count; i++)
            {
                var update = seed.Updates[i];
                var on = today.AddDays(-update.DaysAgo);
                var done = seed.Milestones.Select((m, index) => (m, index)).Where(x => x.m.DoneInUpdate == i).Select(x => milestones[x.index].Id);
                var readings = update.Values.Select((v, index) => (v, index)).Where(x => x.v is not null)
                    .Select(x => new Domain.Projects.MeasureReadingInput(measures[x.index].Id, x.v!.Value, on));
                project.PostUpdate(lead.Id, update.Rag, update.Narrative, done, readings, on, Infrastructure.UkTime.ToUtc(on.ToDateTime(new TimeOnly(10, 0))));
            }
            if (seed.Results is { } results)
            {
                project.Close(lead.Id, results.WhatChanged, measures.Select((m, index) => new Domain.Projects.FinalValueInput(m.Id, results.FinalValues[index])),
                    results.EvidenceLinks, results.SupportContribution, results.DoDifferently, results.PublicConsent, now);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<int> RegionIdAsync(string code, CancellationToken cancellationToken) =>
        await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(cancellationToken);

    private static T Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Seed file {path} is empty.");
    }

    private sealed record ProgrammeFile(List<RegionSeed> Regions, List<ProgrammeSeed> Programmes);
    /// <param name="InSentence">The name after "in", with its article where English needs one: "the West Midlands".</param>
    private sealed record RegionSeed(string Code, string Name, string? InSentence);
    private sealed record ProgrammeSeed(string Region, string Name, string Aim, DateOnly StartsOn, DateOnly EndsOn, decimal Budget, List<string> Objectives);
    private sealed record ThemeSeed(string Code, string Name, string Description);
    private sealed record PartnershipFile(string Region, List<PartnershipSeed> Partnerships);
    private sealed record PartnershipSeed(string Name, AreaType AreaType, bool Nrf, string? County);
    private sealed record ActivitySeed(string Title, Domain.Activities.ActivityKind Kind, string Description, List<string> Themes,
        int StartsInDays, string StartTime, string EndTime, string? Venue, string? HostPartnership, int Capacity, int? PartnershipCap,
        Domain.Activities.BookingMode Mode, int? MinimumNumber, int? MinimumCutoffDaysBefore, Dictionary<Domain.Activities.CostCategory, decimal> Costs);
    private sealed record CaseStudySeed(string Title, string Partnership, Domain.Library.PracticeKind Kind, List<string> Themes, string Summary,
        string Body, string? Outcomes, string? Contact);
    private sealed record ProjectSeed(string Title, string Partnership, string Lead, Domain.Projects.ProjectStatus Stage, string Problem,
        List<string> Themes, List<Domain.Projects.LaaBlocks> LaaBlocks, List<NeighbourhoodSeed> Neighbourhoods, List<string> Partners,
        int StartsInDays, int EndsInDays, List<MilestoneSeed> Milestones, List<MeasureSeed> Measures, string? SupportPlan,
        List<ProjectUpdateSeed> Updates, ProjectResultsSeed? Results);
    private sealed record NeighbourhoodSeed(string Name, bool Deprived);
    private sealed record MilestoneSeed(string Title, int DueInDays, int? DoneInUpdate);
    private sealed record MeasureSeed(string Name, string Unit, decimal Baseline, int BaselineInDays, decimal Target, int TargetInDays);
    private sealed record ProjectUpdateSeed(int DaysAgo, Domain.Projects.RagStatus Rag, string Narrative, List<decimal?> Values);
    private sealed record ProjectResultsSeed(string WhatChanged, List<decimal> FinalValues, string SupportContribution, string? DoDifferently,
        List<string> EvidenceLinks, bool PublicConsent);
    private sealed record PersonSeed(string Email, string Name, string Role, string? Organisation, string Region, string? Partnership);
}
