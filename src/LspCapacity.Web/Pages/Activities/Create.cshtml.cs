using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>Schedules a new activity as a draft in the coordinator's region.</summary>
[Authorize(Policy = Policies.InARegion)]
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        var today = UkTime.Today(clock);
        Input = new ActivityInput
        {
            Mode = BookingMode.FirstCome,
            StartTime = new TimeOnly(10, 0),
            EndTime = new TimeOnly(16, 0),
            BookingOpens = today,
        };
        ViewData["Lists"] = await ActivityInput.ListsAsync(db, regionId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        await Input.ValidateAsync(db, regionId, ModelState, cancellationToken);
        var priority = ModelState.IsValid ? await Input.PriorityPartnershipsAsync(db, regionId, ModelState, cancellationToken) : [];
        if (ModelState.IsValid)
        {
            try
            {
                var activity = new Activity(regionId, Input.ToDetails(), Input.ThemeIds, clock.GetUtcNow().UtcDateTime);
                activity.SetPriorityPartnerships(priority);
                activity.SetCosts(Input.Costs());
                db.Activities.Add(activity);
                db.Audit(me.Id, "activity.created", activity, activity.Title);
                await db.SaveChangesAsync(cancellationToken);
                TempData.SetSuccess($"{activity.Title} has been saved as a draft. Publish it when it is ready for booking.");
                return RedirectToPage("/Activities/Details", new { id = activity.Id });
            }
            catch (DomainException e)
            {
                this.Refused(e, db);
            }
        }
        ViewData["Lists"] = await ActivityInput.ListsAsync(db, regionId, cancellationToken);
        return Page();
    }
}
