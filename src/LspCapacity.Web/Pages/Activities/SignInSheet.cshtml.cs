using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>A printable sign-in sheet of the confirmed places, for the registration desk.</summary>
public class SignInSheetModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public string Title { get; private set; } = "";
    public string When { get; private set; } = "";
    public string Where { get; private set; } = "";
    public IReadOnlyList<(string Name, string? Organisation)> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(activity.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        Title = activity.Title;
        When = ActivityEmails.When(activity);
        Where = await ActivityEmails.WhereAsync(db, activity, cancellationToken);
        People = (await db.Bookings.AsNoTracking().Where(b => b.ActivityId == id && b.Status == BookingStatus.Confirmed)
            .Join(db.Users, b => b.PersonId, u => u.Id, (b, u) => new
            {
                u.DisplayName,
                Organisation = db.Partnerships.Where(p => p.Id == b.PartnershipId).Select(p => p.Name).FirstOrDefault() ?? u.Organisation,
            })
            .OrderBy(x => x.DisplayName).ToListAsync(cancellationToken))
            .Select(x => (x.DisplayName, x.Organisation)).ToList();
        return Page();
    }
}
