using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using LspCapacity.Web.Pages.Needs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>
/// A support request. Coordinators of its region see ranked mentors with the reasons and confirm one; the
/// person who asked sees where it stands. Either may withdraw it while it is open.
/// </summary>
public class RequestDetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox, IAuthorizationService authorization) : PageModel
{
    public SupportRequest SupportRequest { get; private set; } = default!;
    public string RequesterName { get; private set; } = "";
    public string PartnershipName { get; private set; } = "";
    public IReadOnlyList<string> ThemeNames { get; private set; } = [];
    public IReadOnlyList<MentorMatch> Suggestions { get; private set; } = [];

    /// <summary>A coordinator of the request's region (who matches it), rather than the person who asked.</summary>
    public bool IsCoordinatorView { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    [BindProperty] public ConfirmInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        Input = new ConfirmInput { StartsOn = today, EndsOn = today.AddMonths(6) };
        ModelState.Clear();
        return await ShowAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await ShowAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!IsCoordinatorView) // confirming a match is the region's coordinators' (Operations.Manage)
        {
            return Forbid();
        }
        if (Input.MentorId is not null && Suggestions.All(s => s.Mentor.PersonId != Input.MentorId))
        {
            ModelState.AddModelError("Input.MentorId", "Select one of the suggested people");
        }
        if (Input.StartsOn is { } starts && Input.EndsOn is { } ends && ends <= starts)
        {
            ModelState.AddModelError("Input.EndsOn", "The end date must be after the start date");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var placementId = await db.InTransactionAsync(async ct =>
            {
                var request = await db.SupportRequests.SingleAsync(r => r.Id == id, ct);
                var placement = new Placement(request.RegionId, request.Kind, Input.MentorId!, request.RequesterId, request.PartnershipId,
                    request.Goals, Input.StartsOn!.Value, Input.EndsOn!.Value, request.ThemeIds, request.Id, Input.HostOrganisation, Input.TimeCommitment);
                db.Placements.Add(placement);
                await db.SaveChangesAsync(ct);
                request.MarkMatched(placement.Id, me.RequiredId, clock.GetUtcNow().UtcDateTime);
                db.Audit(me.Id, "placement.confirmed", placement, $"request {request.Id}");
                await PlacementEmails.QueueIntroductionsAsync(db, outbox, placement, ct);
                await db.SaveChangesAsync(ct);
                return placement.Id;
            }, cancellationToken);
            TempData.SetSuccess("The pairing is confirmed and both people have been introduced by email.");
            return RedirectToPage("/Placements/Details", new { id = placementId });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
    }

    /// <summary>The person who asked, or a coordinator, withdraws an open request.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var refusal = await ShowAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var request = await db.SupportRequests.SingleAsync(r => r.Id == id, cancellationToken);
        try
        {
            request.Withdraw(me.RequiredId, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
        db.Audit(me.Id, "placement.request-withdrawn", request);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess("The request is withdrawn.");
        return RedirectToPage("/Placements/RequestDetails", new { id });
    }

    /// <summary>Loads the request for its requester or the region's coordinators (null), or refuses anyone else.</summary>
    private async Task<IActionResult?> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Placements);
        var request = await db.SupportRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        var record = new SupportRequestRecord(request.RegionId, request.RequesterId);
        IsCoordinatorView = (await authorization.AuthorizeAsync(User, record, Operations.Manage)).Succeeded;
        if (!(await authorization.AuthorizeAsync(User, record, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        SupportRequest = request;
        RequesterName = await db.Users.AsNoTracking().Where(u => u.Id == request.RequesterId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        PartnershipName = await db.Partnerships.AsNoTracking().Where(p => p.Id == request.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        var themeNames = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        ThemeNames = request.ThemeIds.Select(t => themeNames.GetValueOrDefault(t, "?")).ToList();
        History = await HistoryAsync(request, cancellationToken);
        if (request.Status != RequestStatus.Open || !IsCoordinatorView)
        {
            return null;
        }

        // The partnership's high needs, from its latest submitted survey.
        var latestSurvey = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.PartnershipId == request.PartnershipId && r.Status == ResponseStatus.Submitted)
            .OrderByDescending(r => r.SubmittedAt).Select(r => (int?)r.SurveyId).FirstOrDefaultAsync(cancellationToken);
        var highNeeds = latestSurvey is { } surveyId
            ? (await NeedsQueries.MeansAsync(db, surveyId, request.PartnershipId, cancellationToken)).Where(m => m.Level == NeedLevel.High).Select(m => m.ThemeId).ToList()
            : [];
        var candidates = await db.MentorProfiles.AsNoTracking().Where(m => m.RegionId == request.RegionId)
            .Join(db.Users.Where(u => u.IsActive), m => m.PersonId, u => u.Id, (m, u) => new MentorCandidate(u.Id, u.DisplayName, u.PartnershipId,
                m.Capacity, db.Placements.Count(p => p.MentorId == u.Id && p.Status == PlacementStatus.Active), m.Kinds, m.ThemeIds, m.IsAvailable))
            .ToListAsync(cancellationToken);
        Suggestions = Matching.Rank(request, candidates, highNeeds, themeNames);
        return null;
    }

    /// <summary>Asked, then matched or withdrawn: when, and by whom (one query for the names).</summary>
    private async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(SupportRequest request, CancellationToken cancellationToken)
    {
        var history = new List<HistoryEntry> { new(request.CreatedAt, $"Asked by {RequesterName}") };
        if (request.Status == RequestStatus.Open)
        {
            return history;
        }
        var names = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.StatusChangedById || db.Placements.Any(p => p.Id == request.PlacementId && p.MentorId == u.Id))
            .Select(u => new { u.Id, u.DisplayName, IsMentor = db.Placements.Any(p => p.Id == request.PlacementId && p.MentorId == u.Id) })
            .ToListAsync(cancellationToken);
        var by = request.StatusChangedById is null ? null
            : request.StatusChangedById == me.Id ? "you"
            : names.FirstOrDefault(n => n.Id == request.StatusChangedById)?.DisplayName;
        var what = request.Status == RequestStatus.Matched
            ? $"Matched with {names.FirstOrDefault(n => n.IsMentor)?.DisplayName ?? "a mentor"}"
            : "Withdrawn";
        history.Add(new(request.StatusChangedAt, by is null ? what : $"{what} by {by}"));
        return history;
    }

    /// <summary>A step in the request's life; <paramref name="At"/> is empty for steps taken before times were kept.</summary>
    public sealed record HistoryEntry(DateTime? At, string What);

    public sealed class ConfirmInput
    {
        [Required(ErrorMessage = "Select who will give the support")]
        [Display(Name = "mentor")]
        public string? MentorId { get; set; }

        [Required(ErrorMessage = "Enter the start date")]
        [Display(Name = "start date")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Enter the end date")]
        [Display(Name = "end date")]
        public DateOnly? EndsOn { get; set; }

        [StringLength(200, ErrorMessage = "The host organisation must be 200 characters or fewer")]
        public string? HostOrganisation { get; set; }

        [StringLength(200, ErrorMessage = "The time commitment must be 200 characters or fewer")]
        public string? TimeCommitment { get; set; }
    }
}
