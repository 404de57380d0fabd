using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>
/// Marks a best-practice showcase national (listed and bookable in every region) and sets optional caps
/// on each region's places. Only the organising region's coordinators; a raised cap fills places from
/// the waiting list at once.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public class NationalModel(AppDbContext db, CurrentUser me, TimeProvider clock, ActivityEmails emails, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    [Display(Name = "national")]
    public bool IsNational { get; set; }

    /// <summary>One per region, in the order of <see cref="Regions"/>; an empty cap is no cap.</summary>
    [BindProperty] public List<CapInput> Caps { get; set; } = [];

    public int ActivityId { get; private set; }
    public string ActivityTitle { get; private set; } = "";
    public int Capacity { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var activity = await db.Activities.AsNoTracking().Include(a => a.RegionCaps).SingleAsync(a => a.Id == id, cancellationToken);
        IsNational = activity.IsNational;
        Caps = activity.RegionCaps.Select(c => new CapInput { RegionId = c.RegionId, Cap = c.Cap }).ToList();
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizedAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var regionIds = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        if (Caps.Any(c => c.Cap is not null && !regionIds.Contains(c.RegionId)))
        {
            ModelState.AddModelError(nameof(Caps), "Give caps only for the regions listed");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }
        await emails.PrepareForAsync(db, me.RequiredId, cancellationToken);
        try
        {
            var promoted = await db.InTransactionAsync(async ct =>
            {
                var activity = await db.ActivityWithLiveBookingsAsync(id, ct) ?? throw new DomainException("That activity no longer exists.");
                var promotions = activity.SetNational(IsNational, Caps.Where(c => c.Cap is not null).Select(c => (c.RegionId, c.Cap!.Value)),
                    clock.GetUtcNow().UtcDateTime);
                db.Audit(me.Id, IsNational ? "activity.national" : "activity.regional", activity,
                    string.Join(", ", activity.RegionCaps.Select(c => $"region {c.RegionId}: {c.Cap}")));
                await emails.TellAsync(db, activity, promotions, me.Id, ct);
                await db.SaveChangesAsync(ct);
                return promotions.Count;
            }, cancellationToken);
            var saved = IsNational ? "It is a national showcase: people of every region can see and book it." : "It is open to this region only.";
            TempData.SetSuccess(promoted == 0 ? saved
                : $"{saved} {promoted} {(promoted == 1 ? "person" : "people")} from the waiting list {(promoted == 1 ? "has" : "have")} been given a place.");
            return RedirectToPage("/Activities/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken), nameof(IsNational));
        }
    }

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

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Activities);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.Capacity }).SingleAsync(cancellationToken);
        ActivityId = activity.Id;
        ActivityTitle = activity.Title;
        Capacity = activity.Capacity;
        Regions = (await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.Name)).ToList();
        // One row per region, keeping what was typed for the regions it was typed for.
        var typed = Caps.GroupBy(c => c.RegionId).ToDictionary(g => g.Key, g => g.First().Cap);
        Caps = Regions.Select(r => new CapInput { RegionId = r.Id, Cap = typed.GetValueOrDefault(r.Id) }).ToList();
        return Page();
    }

    public sealed class CapInput
    {
        public int RegionId { get; set; }

        [Range(1, 100_000, ErrorMessage = "A region's cap must be a whole number of at least 1")]
        public int? Cap { get; set; }
    }
}
