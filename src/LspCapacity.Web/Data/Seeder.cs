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
        await SeedProgrammeMembersAsync(cancellationToken);
        if (_options.DemoData)
        {
            await SeedDemoPeopleAsync(Read<List<PersonSeed>>(folder, Path.Combine("demo", "people.json")), cancellationToken);
            await SeedDemoActivitiesAsync(Read<List<ActivitySeed>>(folder, Path.Combine("demo", "activities.json")), cancellationToken);
            await SeedDemoMentoringAsync(cancellationToken);
            await SeedDemoCaseStudiesAsync(Read<List<CaseStudySeed>>(folder, Path.Combine("demo", "case-studies.json")), cancellationToken);
            await SeedDemoReviewAsync(cancellationToken);
            await SeedDemoProjectsAsync(Read<List<ProjectSeed>>(folder, Path.Combine("demo", "projects.json")), cancellationToken);
            await SeedDemoProvidersAsync(Read<ProvidersFile>(folder, Path.Combine("demo", "providers.json")), cancellationToken);
            await SeedDemoFairSharesAsync(cancellationToken);
            await SeedDemoProposalsAsync(Read<List<ProposalSeed>>(folder, Path.Combine("demo", "proposals.json")), cancellationToken);
            await SeedDemoBoardAsync(cancellationToken);
            await SeedDemoCoDeliveryAsync(cancellationToken);
            await SeedDemoNationalAsync(cancellationToken);
            await SeedDemoBrokerageAsync(cancellationToken);
        }
    }

    private readonly List<Domain.Programme.Programme> _newProgrammes = [];

    /// <summary>A programme loaded in this run takes part with every theme and its region's partnerships (once those are loaded).</summary>
    private async Task SeedProgrammeMembersAsync(CancellationToken cancellationToken)
    {
        if (_newProgrammes.Count == 0)
        {
            return;
        }
        var themes = await db.Themes.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var programme in _newProgrammes)
        {
            programme.SetThemes(themes);
            programme.SetPartnerships(await db.Partnerships.Where(p => p.RegionId == programme.RegionId && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        _newProgrammes.Clear();
    }

    /// <summary>
    /// Issue 21's demo: the national team's read-only sign-in (no region), and the West Midlands' previous
    /// programme year, closed, so the programme chooser and a closed programme's report have something to show.
    /// </summary>
    private async Task SeedDemoNationalAsync(CancellationToken cancellationToken)
    {
        const string email = "national@lsp.example";
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Nat National",
                Organisation = "National LSP team, Department for Communities and Local Government",
                Role = Roles.National,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, _options.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo person {email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, Roles.National);
        }
        const string previous = "West Midlands LSP Capacity Building Programme 2005–06";
        var regionId = await RegionIdAsync("west-midlands", cancellationToken);
        if (!await db.Programmes.AnyAsync(p => p.RegionId == regionId && p.Name == previous, cancellationToken))
        {
            var programme = new Domain.Programme.Programme(regionId, previous,
                "A first year of support for the region's Local Strategic Partnerships as the first Local Area Agreements were negotiated.",
                new DateOnly(2005, 9, 1), new DateOnly(2006, 7, 31), 150_000m);
            programme.SetObjectives(["Bring the region's LSPs together to share what works.", "Prepare the ground for a systematic needs analysis."]);
            programme.SetThemes(await db.Themes.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken));
            programme.SetPartnerships(await db.Partnerships.Where(p => p.RegionId == regionId && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken));
            programme.Close(new DateTime(2006, 8, 31, 12, 0, 0, DateTimeKind.Utc));
            db.Programmes.Add(programme);
            await db.SaveChangesAsync(cancellationToken);
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
            _newProgrammes.Add(programme);
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

    /// <summary>
    /// Practitioners' proposals of the West Midlands with their endorsements (some by several staff of one partnership),
    /// dated relative to today. A deferred one has its status set here: deciding is the programme board's work.
    /// </summary>
    private async Task SeedDemoProposalsAsync(List<ProposalSeed> seeds, CancellationToken cancellationToken)
    {
        var regionId = await RegionIdAsync("west-midlands", cancellationToken);
        var today = Infrastructure.UkTime.Today(clock);
        var programmeId = await db.Programmes.Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId is null)
        {
            return;
        }
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var people = await db.Users.Where(u => u.Email != null && u.Email.EndsWith("@lsp.example"))
            .ToDictionaryAsync(u => u.Email!, u => new { u.Id, u.PartnershipId }, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seed in seeds)
        {
            var partnershipId = partnerships[seed.Partnership];
            if (!people.TryGetValue(seed.Proposer, out var proposer)
                || await db.Proposals.AnyAsync(p => p.PartnershipId == partnershipId && p.Title == seed.Title, cancellationToken))
            {
                continue;
            }
            var proposal = new Domain.Proposals.Proposal(regionId, programmeId.Value, partnershipId, proposer.Id, now.AddDays(-seed.DaysAgo));
            proposal.Describe(seed.Title, seed.Kind, seed.Themes.Select(t => themes[t]), seed.Need, seed.WhoWouldCome, seed.HostOffer, seed.RoughCost,
                now.AddDays(-seed.DaysAgo));
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(cancellationToken); // endorsements name its id
            foreach (var endorsement in seed.Endorsements)
            {
                if (people.TryGetValue(endorsement.By, out var person))
                {
                    db.ProposalEndorsements.Add(proposal.Endorse(null, person.Id, person.PartnershipId, regionId,
                        endorsement.Kinds.Aggregate(Domain.Proposals.EndorsementKinds.None, (all, k) => all | k), endorsement.Comment,
                        now.AddDays(-endorsement.DaysAgo)));
                }
            }
            if (seed.Status != Domain.Proposals.ProposalStatus.Open)
            {
                db.Entry(proposal).Property(p => p.Status).CurrentValue = seed.Status;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The West Midlands programme board: Jo Coventry (staff.coventry@lsp.example) as a practitioner member; a meeting
    /// held a month ago that approved one proposal (its draft activity made), deferred one and declined one; and a
    /// meeting in a fortnight with the deferred proposal and a new one on its agenda. The proposals it needs are
    /// its own (titles of their own, so other demo proposals sit beside them). Once: nothing if the region has a meeting.
    /// </summary>
    private async Task SeedDemoBoardAsync(CancellationToken cancellationToken)
    {
        var coordinator = await users.FindByEmailAsync("coordinator@lsp.example");
        var birmingham = await users.FindByEmailAsync("staff.birmingham@lsp.example");
        var coventry = await users.FindByEmailAsync("staff.coventry@lsp.example");
        if (coordinator is null || birmingham is null || coventry is null || await db.BoardMeetings.AnyAsync(m => m.RegionId == coordinator.RegionId, cancellationToken))
        {
            return;
        }
        var regionId = coordinator.RegionId!.Value;
        var programmeId = await db.Programmes.Where(p => p.RegionId == regionId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Infrastructure.UkTime.Today(clock);
        db.BoardMembers.Add(new Domain.Proposals.BoardMember(regionId, coventry.Id, coventry.RegionId, coventry.Role == Roles.LspStaff, coordinator.Id, now.AddDays(-60)));

        Domain.Proposals.Proposal Propose(AppUser by, Domain.Proposals.ProposalKind kind, string title, string need, string who,
            Domain.Proposals.HostOffer offer, decimal? cost, string[] themeCodes, int daysAgo) =>
            Domain.Proposals.Proposal.Seed(regionId, programmeId, by.PartnershipId!.Value, by.Id, kind, title, need, who, offer, cost,
                themeCodes.Select(c => themes[c]), now.AddDays(-daysAgo));
        var visit = Propose(birmingham, Domain.Proposals.ProposalKind.StudyVisit, "Board study visit: a neighbourhood management pathfinder",
            "Our neighbourhood managers have no model for pooling street-level budgets; seeing a pathfinder that has done it would show them how.",
            "Neighbourhood managers and their chairs, about 15 from four partnerships", Domain.Proposals.HostOffer.Host, 2500m,
            ["neighbourhood-renewal", "commissioning-and-budgets"], 50);
        var scorecards = Propose(coventry, Domain.Proposals.ProposalKind.Workshop, "Board workshop: one LAA scorecard for every partner",
            "Each partner reports LAA performance in its own format, so the board cannot see which targets are slipping.",
            "Performance officers of the partnerships", Domain.Proposals.HostOffer.CoDeliver, 800m, ["performance-management", "laa-delivery"], 45);
        var whitePaper = Propose(birmingham, Domain.Proposals.ProposalKind.Seminar, "Board seminar: what the Local Government White Paper means for LSPs",
            "Board members are unsure what the White Paper's duty to cooperate will ask of them.",
            "Chairs and board members", Domain.Proposals.HostOffer.None, 1200m, ["partnership-governance"], 40);
        var engagement = Propose(coventry, Domain.Proposals.ProposalKind.PeerLearningSet, "Board peer learning set: community engagement officers",
            "Community engagement officers work alone in each partnership and repeat each other's mistakes.",
            "One engagement officer from each partnership that wants to take part", Domain.Proposals.HostOffer.CoDeliver, null,
            ["community-engagement"], 10);
        db.Proposals.AddRange(visit, scorecards, whitePaper, engagement);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (proposal, by) in new[] { (visit, coventry), (scorecards, birmingham), (whitePaper, coventry), (engagement, birmingham) })
        {
            db.ProposalEndorsements.Add(new Domain.Proposals.ProposalEndorsement(proposal.Id, by.PartnershipId!.Value, by.Id,
                Domain.Proposals.EndorsementKinds.NeedThisToo | Domain.Proposals.EndorsementKinds.WouldCome, null, now.AddDays(-35)));
        }

        var held = new Domain.Proposals.BoardMeeting(regionId, Infrastructure.UkTime.ToUtc(today.AddDays(-30).ToDateTime(new TimeOnly(14, 0))),
            "Government Office for the West Midlands, 5 St Philip's Place, Birmingham",
            "1. Minutes of the last meeting.\n2. Three proposals from the partnerships, with their endorsements and the needs analysis.\n3. Budget: £18,000 uncommitted this year.",
            coordinator.Id, now.AddDays(-40));
        foreach (var proposal in new[] { visit, scorecards, whitePaper })
        {
            held.AddToAgenda(proposal, now.AddDays(-35));
        }
        var decidedAt = held.StartsAt.AddHours(2);
        held.RecordDecision(visit, Domain.Proposals.DecisionOutcome.Approved, 2500m, null,
            "Four partnerships rated neighbourhood renewal a high need and Birmingham offers to host; the cost is within this year's budget.", coordinator.Id, decidedAt);
        held.RecordDecision(scorecards, Domain.Proposals.DecisionOutcome.Deferred, null, null,
            "A good idea, but the region's LAA reporting format changes in the spring: bring it back once the new format is known.", coordinator.Id, decidedAt);
        held.RecordDecision(whitePaper, Domain.Proposals.DecisionOutcome.Declined, null, null,
            "The Local Government Association runs a national seminar on the White Paper next month; members will be told how to book.", coordinator.Id, decidedAt);
        db.BoardMeetings.Add(held);
        await db.SaveChangesAsync(cancellationToken);
        var draft = Domain.Proposals.ProposedActivity.Draft(visit, decidedAt);
        db.Activities.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        visit.BecameActivity(draft.Id);

        var next = new Domain.Proposals.BoardMeeting(regionId, Infrastructure.UkTime.ToUtc(today.AddDays(14).ToDateTime(new TimeOnly(14, 0))),
            "Coventry Council House, Earl Street, Coventry",
            "1. Minutes of the last meeting.\n2. The deferred scorecard workshop, with the new LAA reporting format.\n3. A new proposal: a peer learning set for community engagement officers.",
            coordinator.Id, now.AddDays(-5));
        next.AddToAgenda(scorecards, now.AddDays(-5));
        next.AddToAgenda(engagement, now.AddDays(-5));
        db.BoardMeetings.Add(next);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The provider register: partner organisations and independent providers with their offers for the West
    /// Midlands programme (regions that are not loaded are left out), and the demo provider contact.
    /// </summary>
    private async Task SeedDemoProvidersAsync(ProvidersFile file, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, cancellationToken);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var westMidlands = regions["west-midlands"];
        var programmeId = await db.Programmes.Where(p => p.RegionId == westMidlands).OrderByDescending(p => p.StartsOn)
            .Select(p => p.Id).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> Regions(IEnumerable<string> codes) => codes.Where(regions.ContainsKey).Select(c => regions[c]).ToList();
        foreach (var seed in file.Organisations)
        {
            if (await db.Organisations.AnyAsync(o => o.Name == seed.Name, cancellationToken))
            {
                continue;
            }
            var organisation = Domain.Brokerage.Organisation.Create(seed.Name, seed.Kind, seed.Website, seed.Description, Regions(seed.Regions), now);
            foreach (var contact in seed.Contacts)
            {
                organisation.AddContact(contact.Name, contact.Email, contact.Phone, contact.Role, null, now);
            }
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
        }
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var seed in file.Organisations)
        {
            var organisation = organisations[seed.Name];
            foreach (var offer in seed.Offers)
            {
                if (await db.Offers.AnyAsync(o => o.OrganisationId == organisation.Id && o.Title == offer.Title, cancellationToken))
                {
                    continue;
                }
                db.Offers.Add(Domain.Brokerage.Offer.Create(organisation, programmeId,
                    new Domain.Brokerage.OfferDetails(offer.Kind, offer.Title, offer.Description, offer.DayRate, offer.Days,
                        offer.Themes.Select(t => themes[t]).ToList(), Regions(offer.Regions), offer.ReleaseTerms),
                    offer.SecondeeHome is null ? null : organisations[offer.SecondeeHome], now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var seed in file.Contacts)
        {
            if (await users.FindByEmailAsync(seed.Email) is not null)
            {
                continue;
            }
            var organisation = await db.Organisations.Include(o => o.Contacts).SingleAsync(o => o.Name == seed.Organisation, cancellationToken);
            var user = new AppUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.Name,
                Organisation = organisation.Name,
                RegionId = regions[seed.Region],
                OrganisationId = organisation.Id,
                Role = Roles.ProviderContact,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, _options.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo provider contact {seed.Email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, Roles.ProviderContact);
            organisation.AddContact(seed.Name, seed.Email, null, "Provider contact", user.Id, now);
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
    private sealed record ProposalSeed(string Title, string Partnership, string Proposer, Domain.Proposals.ProposalKind Kind, List<string> Themes,
        string Need, string WhoWouldCome, Domain.Proposals.HostOffer HostOffer, decimal? RoughCost, Domain.Proposals.ProposalStatus Status, int DaysAgo,
        List<EndorsementSeed> Endorsements);
    private sealed record EndorsementSeed(string By, List<Domain.Proposals.EndorsementKinds> Kinds, string? Comment, int DaysAgo);
    private sealed record ProvidersFile(List<OrganisationSeed> Organisations, List<ProviderContactSeed> Contacts);
    private sealed record OrganisationSeed(string Name, Domain.Brokerage.OrganisationKind Kind, string? Website, string? Description,
        List<string> Regions, List<ContactSeed> Contacts, List<OfferSeed> Offers);
    private sealed record ContactSeed(string Name, string Email, string? Phone, string? Role);
    private sealed record OfferSeed(Domain.Brokerage.OfferKind Kind, string Title, string? Description, decimal? DayRate, int Days,
        List<string> Themes, List<string> Regions, string? SecondeeHome, string? ReleaseTerms);
    private sealed record ProviderContactSeed(string Email, string Name, string Organisation, string Region);
    private sealed record PersonSeed(string Email, string Name, string Role, string? Organisation, string Region, string? Partnership);

    /// <summary>
    /// Brokered work for the fair-shares page and value for money (issue 20): a few delivered (and rated) and committed
    /// commitments of West Midlands partnerships. Organisations and offers are looked up by name first, so the provider
    /// register's own demo organisations can coexist; nothing is added when the programme already has commitments.
    /// </summary>
    private async Task SeedDemoFairSharesAsync(CancellationToken cancellationToken)
    {
        var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var programme = regionId is null ? null : await db.Programmes.Where(p => p.RegionId == regionId).OrderByDescending(p => p.StartsOn)
            .FirstOrDefaultAsync(cancellationToken);
        if (programme is null || await db.Commitments.AnyAsync(c => c.ProgrammeId == programme.Id, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Infrastructure.UkTime.Today(clock);
        var programmeId = programme.Id;

        async Task<Domain.Brokerage.Offer> OfferAsync(string organisation, Domain.Brokerage.OrganisationKind kind, Domain.Brokerage.OfferKind offerKind, string title)
        {
            var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == organisation, cancellationToken);
            if (org is null)
            {
                org = new Domain.Brokerage.Organisation(organisation, kind, now);
                db.Organisations.Add(org);
                await db.SaveChangesAsync(cancellationToken);
            }
            var offer = await db.Offers.FirstOrDefaultAsync(o => o.OrganisationId == org.Id && o.Title == title, cancellationToken);
            if (offer is null)
            {
                offer = new Domain.Brokerage.Offer(org.Id, programmeId, offerKind, title, now);
                db.Offers.Add(offer);
                await db.SaveChangesAsync(cancellationToken);
            }
            return offer;
        }
        var facilitation = await OfferAsync("Centre for Local Governance Studies", Domain.Brokerage.OrganisationKind.University,
            Domain.Brokerage.OfferKind.Facilitation, "Board away-day facilitation");
        var consultancy = await OfferAsync("Midlands Performance Associates", Domain.Brokerage.OrganisationKind.Consultancy,
            Domain.Brokerage.OfferKind.Consultancy, "Performance framework review");
        var secondee = await OfferAsync("West Midlands Fire Service", Domain.Brokerage.OrganisationKind.FireAndRescue,
            Domain.Brokerage.OfferKind.Secondee, "Community safety analyst secondment");
        var partnerships = await db.Partnerships.Where(p => p.RegionId == regionId)
            .ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);

        // (partnership, offer, days, day rate, delivered: days used and actual cost, rating)
        var work = new (string Partnership, Domain.Brokerage.Offer Offer, decimal Days, decimal Rate, (decimal Days, decimal Cost, int Rating)? Delivered)[]
        {
            ("Birmingham", consultancy, 8, 650, (8, 5200, 4)),
            ("Coventry", facilitation, 2, 500, (2, 1000, 5)),
            ("Sandwell", consultancy, 6, 650, null),
            ("Walsall", secondee, 20, 180, (18, 3240, 4)),
            ("Stoke-on-Trent", facilitation, 3, 500, (3, 1500, 3)),
            ("Herefordshire", consultancy, 4, 650, null),
            ("Warwickshire", secondee, 10, 180, null),
        };
        foreach (var w in work)
        {
            if (!partnerships.TryGetValue(w.Partnership, out var partnershipId))
            {
                continue;
            }
            var commitment = new Domain.Brokerage.Commitment(programme.Id, programme.RegionId, partnershipId, w.Offer.OrganisationId, w.Offer.Id,
                w.Days, w.Rate, now.AddDays(-40));
            if (w.Delivered is { } d)
            {
                commitment.Deliver(today.AddDays(-10), d.Days, d.Cost, today.AddDays(-10));
                commitment.Rate(d.Rating, null);
            }
            db.Commitments.Add(commitment);
            programme.AdjustBrokered(commitment.Cost); // the budget's brokered total, as accepting and delivering keep it
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
