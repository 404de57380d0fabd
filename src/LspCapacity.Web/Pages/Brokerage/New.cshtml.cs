using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using LspCapacity.Web.Pages.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// A partnership's staff ask for bespoke support against a need their partnership rated in the needs analysis or
/// one of its improvement projects: what, wanted by when, and the budget ceiling. The region's brokers are told.
/// </summary>
public class NewModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, Outbox outbox) : PageModel
{
    [BindProperty] public RequestInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Needs { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? project, CancellationToken cancellationToken)
    {
        if (await AllowedAsync() is not { } request)
        {
            return Forbid();
        }
        Input.ProjectId = project;
        await LoadChoicesAsync(request.PartnershipId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AllowedAsync() is not { } allowed)
        {
            return Forbid();
        }
        await LoadChoicesAsync(allowed.PartnershipId, cancellationToken);
        if (Input.NeedThemeId is { } need && Needs.All(n => n.Value != need.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.NeedThemeId", "Select a need your partnership rated in the needs analysis");
        }
        if (Input.ProjectId is { } projectId && Projects.All(p => p.Value != projectId.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.ProjectId", "Select one of your partnership's improvement projects");
        }
        if (Input.NeedThemeId is null && Input.ProjectId is null)
        {
            ModelState.AddModelError("Input.NeedThemeId", "Select the need or the improvement project the support is for");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        BrokerageRequest request;
        try
        {
            request = new BrokerageRequest(allowed.RegionId, allowed.PartnershipId, me.RequiredId, Input.NeedThemeId, Input.ProjectId, Input.What,
                Input.WantedBy!.Value, Input.BudgetCeiling!.Value, UkTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            await db.InTransactionAsync(async ct =>
            {
                db.BrokerageRequests.Add(request);
                await db.SaveChangesAsync(ct);
                // The key names the request, so it is saved first; the emails commit with it, in the same transaction.
                await BrokerageEmails.QueueReceivedAsync(db, outbox, request, ct);
                db.Audit(me.Id, "brokerage.requested", request);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Page();
        }
        TempData.SetSuccess("Your request has been sent to the region's broker. You will get an email when they recommend support.");
        return RedirectToPage("/Brokerage/Details", new { id = request.Id });
    }

    /// <summary>A request of the signed-in person's partnership, if they may make one (asked of the handler, as for any request).</summary>
    private async Task<BrokerageRequest?> AllowedAsync()
    {
        ViewData.SetSection(SiteSection.Brokerage);
        if (me.PartnershipId is not { } partnershipId || me.RegionId is not { } regionId || me.Id is not { } id)
        {
            return null;
        }
        var today = UkTime.Today(clock);
        var probe = new BrokerageRequest(regionId, partnershipId, id, 0, null, "probe", today, 0, today, clock.GetUtcNow().UtcDateTime);
        return (await authorization.AuthorizeAsync(User, probe, Operations.Change)).Succeeded ? probe : null;
    }

    private async Task LoadChoicesAsync(int partnershipId, CancellationToken cancellationToken)
    {
        var choices = await ProjectChoices.LoadAsync(db, partnershipId, cancellationToken);
        Needs = choices.Needs.Select(n => new SelectListItem($"{n.Theme} ({NeedsText(n.Level)})", n.ThemeId.ToString(CultureInfo.InvariantCulture))).ToList();
        Projects = await db.Projects.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && (p.Status == ProjectStatus.Proposed || p.Status == ProjectStatus.Active))
            .OrderBy(p => p.Title).Select(p => new SelectListItem(p.Title, p.Id.ToString())).ToListAsync(cancellationToken);
    }

    private static string NeedsText(Domain.Needs.NeedLevel level) => level.ToString().ToLowerInvariant() + " need";

    public sealed class RequestInput
    {
        [Display(Name = "need")]
        public int? NeedThemeId { get; set; }

        [Display(Name = "improvement project")]
        public int? ProjectId { get; set; }

        [Required(ErrorMessage = "Describe the support you need")]
        [StringLength(4000, ErrorMessage = "The description must be 4,000 characters or fewer")]
        public string What { get; set; } = "";

        [Required(ErrorMessage = "Enter the date you need the support by")]
        [Display(Name = "date wanted by")]
        public DateOnly? WantedBy { get; set; }

        [Required(ErrorMessage = "Enter the budget ceiling, in pounds (0 if the support must be free)")]
        [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The budget ceiling must be between £0 and £10,000,000")]
        [Display(Name = "budget ceiling")]
        public decimal? BudgetCeiling { get; set; }
    }
}
