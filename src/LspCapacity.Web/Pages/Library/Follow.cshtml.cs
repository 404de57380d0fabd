using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>Choose the themes whose new case studies arrive in a weekly digest.</summary>
public class FollowModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "ThemeIds")] public List<int> ThemeIds { get; set; } = [];

    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ThemeIds = await db.LibrarySubscriptions.AsNoTracking().Where(s => s.PersonId == me.RequiredId)
            .Select(s => s.ThemeIds).FirstOrDefaultAsync(cancellationToken) ?? [];
        await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ThemeIds.Count > 0)
        {
            await ThemeChoices.ValidateAsync(db, ThemeIds, ModelState, "ThemeIds", cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(cancellationToken);
            return Page();
        }
        var subscription = await db.LibrarySubscriptions.SingleOrDefaultAsync(s => s.PersonId == me.RequiredId, cancellationToken);
        if (subscription is null)
        {
            subscription = new LibrarySubscription(me.RequiredId, clock.GetUtcNow().UtcDateTime);
            db.LibrarySubscriptions.Add(subscription);
        }
        subscription.Follow(ThemeIds);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess(ThemeIds.Count == 0
            ? "You no longer follow any themes."
            : "Saved. You will get a weekly email when new case studies in these themes are published.");
        return RedirectToPage("/Library/Follow");
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Library);
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
    }
}
