using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>
/// One placement: the pair, goals, the session log with totals, outcomes at the end. The pair log
/// sessions; private notes are shown to the pair only — never to coordinators.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public View Placement { get; private set; } = default!;
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public IReadOnlyList<OutcomeView> Outcomes { get; private set; } = [];
    public bool IsMember { get; private set; }
    public bool CanRecordOutcome { get; private set; }

    /// <summary>Confirmed but not started yet.</summary>
    public bool IsPlanned { get; private set; }

    [BindProperty] public SessionInput Session { get; set; } = new();
    [BindProperty] public OutcomeInput Outcome { get; set; } = new();

    [BindProperty]
    [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
    public string? EndReason { get; set; }

    /// <summary>The supported project the placement serves: a project of the mentee's partnership (empty: none).</summary>
    /// <summary>A secondment's secondee offer on the provider register: its home organisation and release terms.</summary>
    public SecondeeView? Secondee { get; private set; }

    [BindProperty] public int? ProjectId { get; set; }
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ProjectChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Session = new SessionInput { Date = UkTime.Today(clock), Mode = SessionMode.InPerson };
        ModelState.Clear();
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostSessionAsync(int id, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Session.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        return await ActAsync(id, (placement, ct) =>
        {
            var session = placement.LogSession(me.RequiredId, Session.Date!.Value, Session.DurationMinutes!.Value, Session.Mode!.Value,
                Session.Summary, Session.PrivateNotes, Session.AgreedActions, UkTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "placement.session-logged", placement, $"{session.Date:yyyy-MM-dd}, {session.DurationMinutes} minutes");
            return Task.FromResult("The session has been logged.");
        }, Operations.Change, cancellationToken);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(int id, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Outcome.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        return await ActAsync(id, (placement, ct) =>
        {
            placement.RecordOutcome(me.RequiredId, Outcome.GoalsMet!.Value, Outcome.WhatChanged, Outcome.WouldRecommend == true, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "placement.outcome-recorded", placement);
            return Task.FromResult("Thank you: your outcomes are recorded.");
        }, Operations.Change, cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(EndReason))
        {
            ModelState.AddModelError(nameof(EndReason), "Enter why the placement is ending early");
        }
        return await ActAsync(id, (placement, ct) =>
        {
            placement.EndEarly(EndReason!);
            db.Audit(me.Id, "placement.ended-early", placement, EndReason);
            return Task.FromResult("The placement has been ended.");
        }, Operations.Manage, cancellationToken);
    }

    /// <summary>The pair or a coordinator says which supported project of the mentee's partnership the placement serves.</summary>
    public async Task<IActionResult> OnPostProjectAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await ActAsync(id, async (placement, ct) =>
        {
            try
            {
                placement.ServeProject(await Projects.SupportLinks.RequireAsync(db, ProjectId, ct));
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(nameof(ProjectId), e.Message);
                throw;
            }
            db.Audit(me.Id, "placement.project-chosen", placement, ProjectId?.ToString() ?? "none");
            return ProjectId is null ? "The placement is no longer linked to a project." : "The placement is linked to the project it serves.";
        }, Operations.Manage, cancellationToken);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await ActAsync(id, (placement, ct) =>
        {
            placement.Complete(UkTime.Today(clock));
            db.Audit(me.Id, "placement.completed", placement);
            return CompletedMessageAsync(placement, ct);
        }, Operations.Manage, cancellationToken);
    }

    /// <summary>Says who still has outcomes to record, if anyone.</summary>
    private async Task<string> CompletedMessageAsync(Placement placement, CancellationToken cancellationToken)
    {
        var missing = placement.OutcomesStillToRecord();
        if (missing.Count == 0)
        {
            return "The placement is completed. Both of you have recorded its outcomes.";
        }
        if (missing.Count == 2)
        {
            return "The placement is completed. Both of you can now record its outcomes.";
        }
        if (missing[0] == me.Id)
        {
            return "The placement is completed. You can now record your outcomes.";
        }
        var name = await db.Users.Where(u => u.Id == missing[0]).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return $"The placement is completed. {name} has still to record their outcomes.";
    }

    private async Task<IActionResult> ActAsync(int id, Func<Placement, CancellationToken, Task<string>> action, OperationAuthorizationRequirement operation,
        CancellationToken cancellationToken)
    {
        var placement = await db.Placements.Include(p => p.Sessions).Include(p => p.Outcomes).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (placement is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, PlacementPair.Of(placement), operation)).Succeeded)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(id, cancellationToken);
        }
        try
        {
            TempData.SetSuccess(await action(placement, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Placements/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Placements);
        var placement = await db.Placements.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new View(p.Id, p.RegionId, p.Kind, p.Status, p.MentorId, p.MenteeId,
                db.Users.Where(u => u.Id == p.MentorId).Select(u => u.DisplayName).First(),
                db.Users.Where(u => u.Id == p.MenteeId).Select(u => u.DisplayName).First(),
                db.Partnerships.Where(x => x.Id == p.MenteePartnershipId).Select(x => x.Name).First(),
                p.Goals, p.StartsOn, p.EndsOn, p.HostOrganisation, p.TimeCommitment, p.EndReason, p.LastSessionOn,
                p.Themes.Join(db.Themes, pt => pt.ThemeId, t => t.Id, (_, t) => t.Name).ToList(),
                p.MenteePartnershipId, p.ProjectId, db.Projects.Where(x => x.Id == p.ProjectId).Select(x => x.Title).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (placement is null)
        {
            return NotFound();
        }
        var pair = new PlacementPair(placement.RegionId, placement.MentorId, placement.MenteeId);
        IsMember = PlacementRule.IsMember(User, pair);
        if (!(await authorization.AuthorizeAsync(User, pair, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Placement = placement;
        var member = IsMember;
        Sessions = await db.Placements.AsNoTracking().Where(p => p.Id == id).SelectMany(p => p.Sessions)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Select(s => new SessionView(s.Date, s.DurationMinutes, s.Mode, s.Summary,
                member ? s.PrivateNotes : null, // private notes never leave the database for anyone but the pair
                s.AgreedActions, db.Users.Where(u => u.Id == s.LoggedById).Select(u => u.DisplayName).First()))
            .ToListAsync(cancellationToken);
        Outcomes = await db.Placements.AsNoTracking().Where(p => p.Id == id).SelectMany(p => p.Outcomes)
            .Select(o => new OutcomeView(db.Users.Where(u => u.Id == o.PersonId).Select(u => u.DisplayName).First(), o.GoalsMet, o.WhatChanged, o.WouldRecommend))
            .ToListAsync(cancellationToken);
        Secondee = await db.Placements.AsNoTracking().Where(p => p.Id == id && p.SecondmentOfferId != null)
            .Join(db.Offers, p => p.SecondmentOfferId, o => o.Id, (p, o) => new SecondeeView(o.Id, o.Title,
                db.Organisations.Where(x => x.Id == o.SecondeeHomeOrganisationId).Select(x => x.Name).FirstOrDefault(), o.ReleaseTerms))
            .SingleOrDefaultAsync(cancellationToken);
        IsPlanned = placement.Status == PlacementStatus.Active && UkTime.Today(clock) < placement.StartsOn;
        if (placement.Status == PlacementStatus.Active)
        {
            ProjectChoices = await Projects.SupportLinks.ChoicesAsync(db, placement.MenteePartnershipId, closedToo: false, cancellationToken);
            if (ModelState.IsValid)
            {
                ProjectId = placement.ProjectId;
            }
        }
        CanRecordOutcome = IsMember && (placement.Status != PlacementStatus.Active || UkTime.Today(clock) >= placement.EndsOn.AddDays(-14));
        return Page();
    }

    public sealed record View(int Id, int RegionId, PlacementKind Kind, PlacementStatus Status, string MentorId, string MenteeId,
        string MentorName, string MenteeName, string Partnership, string Goals, DateOnly StartsOn, DateOnly EndsOn,
        string? HostOrganisation, string? TimeCommitment, string? EndReason, DateOnly? LastSessionOn, List<string> Themes,
        int MenteePartnershipId, int? ProjectId, string? ProjectTitle);

    public sealed record SessionView(DateOnly Date, int DurationMinutes, SessionMode Mode, string Summary, string? PrivateNotes,
        string? AgreedActions, string LoggedBy);

    public sealed record OutcomeView(string Person, int GoalsMet, string WhatChanged, bool WouldRecommend);

    public sealed class SessionInput
    {
        [Required(ErrorMessage = "Enter the date of the session")]
        [Display(Name = "session date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter how long the session lasted, in minutes")]
        [Range(1, 1440, ErrorMessage = "The duration must be between 1 and 1,440 minutes")]
        [Display(Name = "duration")]
        public int? DurationMinutes { get; set; }

        [Required(ErrorMessage = "Select how the session took place")]
        [EnumDataType(typeof(SessionMode), ErrorMessage = "Select how the session took place")]
        [Display(Name = "mode")]
        public SessionMode? Mode { get; set; }

        [Required(ErrorMessage = "Enter a summary")]
        [StringLength(4000, ErrorMessage = "The summary must be 4,000 characters or fewer")]
        public string Summary { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Private notes must be 4,000 characters or fewer")]
        public string? PrivateNotes { get; set; }

        [StringLength(2000, ErrorMessage = "Agreed actions must be 2,000 characters or fewer")]
        public string? AgreedActions { get; set; }
    }

    public sealed class OutcomeInput
    {
        [Required(ErrorMessage = "Select how far the goals were met")]
        [Range(1, 5, ErrorMessage = "Select how far the goals were met, from 1 to 5")]
        public int? GoalsMet { get; set; }

        [Required(ErrorMessage = "Enter what changed")]
        [StringLength(2000, ErrorMessage = "This must be 2,000 characters or fewer")]
        public string WhatChanged { get; set; } = "";

        public bool? WouldRecommend { get; set; }
    }

    public sealed record SecondeeView(int OfferId, string Title, string? HomeOrganisation, string? ReleaseTerms);
}
