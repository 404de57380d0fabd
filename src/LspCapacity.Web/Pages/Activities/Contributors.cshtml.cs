using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>
/// Co-delivery: the partnerships that host, co-deliver or present at an activity, named by the organising
/// region's coordinators. Partnerships of the region, or of any region for a national showcase.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public class ContributorsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The contributor to remove (the remove buttons).</summary>
    [BindProperty] public int ContributorId { get; set; }

    public int ActivityId { get; private set; }
    public string ActivityTitle { get; private set; } = "";
    public bool IsNational { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];
    public IEnumerable<SelectListItem> Roles => Enum.GetValues<ContributorRole>()
        .Select(r => new SelectListItem(RoleText(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await AuthorizedAsync(id, cancellationToken) ?? await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        ModelState.Remove(nameof(ContributorId));
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == Input.PartnershipId && p.IsActive)
            .Select(p => new { p.Id, p.RegionId, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (partnership is null)
        {
            ModelState.AddModelError("Input.PartnershipId", "Select a partnership from the list");
            return await ShowAsync(id, cancellationToken);
        }
        int? personPartnershipId = null;
        if (!string.IsNullOrEmpty(Input.PersonId))
        {
            var person = await db.Users.AsNoTracking().Where(u => u.Id == Input.PersonId && u.IsActive)
                .Select(u => new { u.PartnershipId }).SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                ModelState.AddModelError("Input.PersonId", "Select a person from the list");
                return await ShowAsync(id, cancellationToken);
            }
            personPartnershipId = person.PartnershipId;
        }
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                var activity = await db.ActivityWithContributorsAsync(id, ct) ?? throw new DomainException("That activity no longer exists.");
                var contributor = activity.AddContributor(new ContributorDetails(partnership.Id, partnership.RegionId, Input.Role!.Value,
                    Input.PersonId, personPartnershipId, Input.PresenterName, Input.Contribution), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                db.Audit(me.Id, "activity.contributor-added", contributor, $"{partnership.Name}: {contributor.Role}");
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
            TempData.SetSuccess($"{partnership.Name} is named as {RoleText(Input.Role!.Value).ToLowerInvariant()}.");
            return RedirectToPage("/Activities/Contributors", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken), FieldOf(e));
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        ModelState.Clear(); // the add form's fields are not part of this one
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                var activity = await db.ActivityWithContributorsAsync(id, ct) ?? throw new DomainException("That activity no longer exists.");
                activity.RemoveContributor(ContributorId);
                db.Audit(me.Id, "activity.contributor-removed", activity, ContributorId.ToString(CultureInfo.InvariantCulture));
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
            TempData.SetSuccess("Removed.");
            return RedirectToPage("/Activities/Contributors", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    /// <summary>Null when the person runs the activity's region; else Not Found or Forbid.</summary>
    private async Task<IActionResult?> AuthorizedAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new RegionRecord(a.RegionId, a.Status == ActivityStatus.Draft, a.IsNational)).SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return NotFound();
        }
        return (await authorization.AuthorizeAsync(User, record, Operations.Manage)).Succeeded ? null : Forbid();
    }

    /// <summary>Puts a refusal beside the field it is about, so the error summary links to it.</summary>
    private static string FieldOf(DomainException e) => e.Message switch
    {
        var m when m.Contains("presenter", StringComparison.OrdinalIgnoreCase) => "Input.PresenterName",
        var m when m.Contains("person", StringComparison.OrdinalIgnoreCase) => "Input.PersonId",
        var m when m.Contains("contribute", StringComparison.OrdinalIgnoreCase) => "Input.Contribution",
        var m when m.Contains("host", StringComparison.OrdinalIgnoreCase) || m.Contains("what the partnership does", StringComparison.OrdinalIgnoreCase) => "Input.Role",
        _ => "Input.PartnershipId",
    };

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Activities);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.RegionId, a.IsNational }).SingleAsync(cancellationToken);
        ActivityId = activity.Id;
        ActivityTitle = activity.Title;
        IsNational = activity.IsNational;
        Rows = await ListAsync(db, id, cancellationToken);
        // A national showcase may be co-delivered by partnerships of any region: each named with its region.
        var partnerships = db.Partnerships.AsNoTracking().Where(p => p.IsActive && (activity.IsNational || p.RegionId == activity.RegionId));
        Partnerships = (await partnerships.OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name, Region = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First(), p.RegionId })
                .ToListAsync(cancellationToken))
            .OrderBy(p => p.RegionId != activity.RegionId).ThenBy(p => p.Region).ThenBy(p => p.Name)
            .Select(p => new SelectListItem(activity.IsNational ? $"{p.Name} ({p.Region})" : p.Name, p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        // People of the organising region's partnerships; a presenter from elsewhere is typed by name.
        People = (await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.RegionId == activity.RegionId && u.PartnershipId != null && u.Role == Domain.Accounts.Roles.LspStaff)
                .OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName, Partnership = db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).First() })
                .Take(500)
                .ToListAsync(cancellationToken))
            .Select(u => new SelectListItem($"{u.DisplayName} ({u.Partnership})", u.Id))
            .ToList();
        return Page();
    }

    /// <summary>An activity's contributors as the activity and contributors pages show them: co-deliverers and hosts first.</summary>
    public static async Task<IReadOnlyList<Row>> ListAsync(AppDbContext db, int activityId, CancellationToken cancellationToken) =>
        InShowingOrder((await db.ActivityContributors.AsNoTracking().Where(c => c.ActivityId == activityId)
            .Select(c => new
            {
                c.Id, c.PartnershipId, c.Role, c.Contribution, c.PresenterName,
                Partnership = db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.Name).First(),
                Person = db.Users.Where(u => u.Id == c.PersonId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
        .Select(c => new Row(c.Id, c.PartnershipId, c.Partnership, c.Role, c.Person ?? c.PresenterName, c.Contribution)));

    /// <summary>The order both pages show contributors in: co-deliverers and hosts first, then by partnership.</summary>
    public static IReadOnlyList<Row> InShowingOrder(IEnumerable<Row> rows) =>
        rows.OrderBy(c => c.Role == ContributorRole.Presenter).ThenBy(c => c.Partnership).ThenBy(c => c.Id).ToList();

    public static string RoleText(ContributorRole role) => role switch
    {
        ContributorRole.Host => "Host of the study visit",
        ContributorRole.CoDeliverer => "Co-deliverer",
        _ => "Presenter",
    };

    public sealed record Row(int Id, int PartnershipId, string Partnership, ContributorRole Role, string? Person, string Contribution);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Select a partnership")]
        [Display(Name = "Partnership")]
        public int? PartnershipId { get; set; }

        [Required(ErrorMessage = "Select what the partnership does")]
        public ContributorRole? Role { get; set; }

        public string? PersonId { get; set; }

        [StringLength(ActivityContributor.PresenterNameMaxLength, ErrorMessage = "The presenter's name must be 100 characters or fewer")]
        public string? PresenterName { get; set; }

        [Required(ErrorMessage = "Enter what they contribute")]
        [StringLength(ActivityContributor.ContributionMaxLength, ErrorMessage = "What they contribute must be 300 characters or fewer")]
        public string? Contribution { get; set; }
    }
}
