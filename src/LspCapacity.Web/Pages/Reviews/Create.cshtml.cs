using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// A coordinator sets up a review of one of the region's partnerships: focus themes (suggested from the
/// partnership's latest needs profile), the dates, and a team of a lead and peers from elsewhere.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<ReviewAccess.Candidate> Candidates { get; private set; } = [];

    /// <summary>Where the host's needs came from, when they were used to suggest themes.</summary>
    public string? NeedsSource { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? partnership, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        Input = new InputModel
        {
            HostPartnershipId = partnership,
            ScopingOn = today.AddDays(7),
            SelfAssessmentDueOn = today.AddDays(35),
            OnSiteStartsOn = today.AddDays(49),
            OnSiteEndsOn = today.AddDays(51),
        };
        return await ShowAsync(suggest: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        if (Input.HostPartnershipId is { } hostId && !await db.Partnerships.AnyAsync(p => p.Id == hostId && p.RegionId == regionId && p.IsActive, cancellationToken))
        {
            ModelState.AddModelError("Input.HostPartnershipId", "Select a partnership from the list");
        }
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, "Input.ThemeIds", cancellationToken, "Select at least one focus theme");
        var candidates = (await ReviewAccess.CandidatesAsync(db, regionId, cancellationToken)).ToDictionary(c => c.Id);
        if (Input.LeadId is not null && !candidates.ContainsKey(Input.LeadId))
        {
            ModelState.AddModelError("Input.LeadId", "Select a lead reviewer from the list");
        }
        if (Input.PeerIds.Any(p => p is null || !candidates.ContainsKey(p)))
        {
            ModelState.AddModelError("Input.PeerIds", "Select peer reviewers from the list");
        }
        else if (Input.LeadId is not null && Input.PeerIds.Contains(Input.LeadId))
        {
            ModelState.AddModelError("Input.PeerIds", "The lead reviewer cannot also be a peer reviewer");
        }
        if (Input is { ScopingOn: { } scoping, OnSiteStartsOn: { } onSite } && onSite <= scoping)
        {
            ModelState.AddModelError("Input.OnSiteStartsOn", "The on-site visit must start after the scoping date");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(suggest: false, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        PeerReview review;
        try
        {
            static Reviewer AsReviewer(ReviewAccess.Candidate c) => new(c.Id, c.PartnershipId, c.Name);
            review = PeerReview.SetUp(regionId, Input.HostPartnershipId!.Value, Input.ThemeIds, Input.Scope, Input.ScopingOn!.Value,
                Input.SelfAssessmentDueOn!.Value, Input.OnSiteStartsOn!.Value, Input.OnSiteEndsOn!.Value,
                AsReviewer(candidates[Input.LeadId!]), Input.PeerIds.Select(id => AsReviewer(candidates[id])), UkTime.Today(clock), now);
        }
        catch (DomainException e)
        {
            // The domain refuses anyone from the host partnership by name; say which field they came from.
            ModelState.AddModelError(e switch
            {
                TeamMemberRefused { Role: TeamRole.Lead } => "Input.LeadId",
                TeamMemberRefused => "Input.PeerIds",
                _ => "",
            }, e.Message);
            return await ShowAsync(suggest: false, cancellationToken);
        }
        db.PeerReviews.Add(review);
        db.Audit(me.Id, "review.created", review);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess("The review is set up. Move it on to the self-assessment when scoping is done.");
        return RedirectToPage("/Reviews/Details", new { id = review.Id });
    }

    private async Task<IActionResult> ShowAsync(bool suggest, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Reviews);
        var regionId = me.RequiredRegionId;
        Partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        var themes = await ThemeChoices.ListAsync(db, cancellationToken);
        Candidates = await ReviewAccess.CandidatesAsync(db, regionId, cancellationToken);
        if (Input.HostPartnershipId is { } hostId)
        {
            // Out of the team picker: the host's own staff can never review it.
            Candidates = Candidates.Where(c => c.PartnershipId != hostId).ToList();
            var latest = await db.SurveyResponses.AsNoTracking()
                .Where(r => r.PartnershipId == hostId && r.Status == ResponseStatus.Submitted)
                .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.SurveyId)
                .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { s.Id, s.Title })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null)
            {
                var needs = (await Needs.NeedsQueries.MeansAsync(db, latest.Id, hostId, cancellationToken)).ToDictionary(m => m.ThemeId, m => m.Level);
                NeedsSource = latest.Title;
                foreach (var theme in themes)
                {
                    if (needs.TryGetValue(int.Parse(theme.Value, System.Globalization.CultureInfo.InvariantCulture), out var level))
                    {
                        theme.Text += $" ({level.ToString().ToLowerInvariant()} need)";
                    }
                }
                if (suggest && Input.ThemeIds.Count == 0)
                {
                    Input.ThemeIds = needs.Where(n => n.Value == NeedLevel.High).Select(n => n.Key).ToList();
                }
            }
        }
        Themes = themes;
        return Page();
    }

    public sealed class InputModel : ReviewDatesInput
    {
        [Required(ErrorMessage = "Select the partnership to be reviewed")]
        [Display(Name = "partnership")]
        public int? HostPartnershipId { get; set; }

        [Display(Name = "focus themes")]
        public List<int> ThemeIds { get; set; } = [];

        [StringLength(4000, ErrorMessage = "The scope must be 4,000 characters or fewer")]
        public string? Scope { get; set; }

        [Required(ErrorMessage = "Select the lead reviewer")]
        public string? LeadId { get; set; }

        public List<string> PeerIds { get; set; } = [];
    }
}
