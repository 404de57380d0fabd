using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Account;

public class ProfileModel(AppDbContext db, CurrentUser me) : PageModel
{
    public ProfileView Profile { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Account);
        var id = me.RequiredId;
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new ProfileView(u.DisplayName, u.Email!, u.Role, u.Organisation,
                db.Regions.Where(r => r.Id == u.RegionId).Select(r => r.Name).FirstOrDefault(),
                db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).FirstOrDefault(),
                u.PartnershipId))
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        return Page();
    }

    public sealed record ProfileView(string DisplayName, string Email, string Role, string? Organisation, string? Region, string? Partnership, int? PartnershipId)
    {
        public string RoleName => Roles.DisplayName(Role);
    }
}
