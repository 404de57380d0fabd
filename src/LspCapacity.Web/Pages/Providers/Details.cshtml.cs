using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>One organisation on the register: what it is, where it works, whom to contact, and its offers.</summary>
public class DetailsModel(AppDbContext db, IAuthorizationService authorization, ReferenceData reference) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<string> RegionsCovered { get; private set; } = [];
    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];
    public IReadOnlyList<OfferRow> Withdrawn { get; private set; } = [];
    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Providers);
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Regions).Include(o => o.Contacts)
            .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, organisation, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Organisation = organisation;
        CanChange = (await authorization.AuthorizeAsync(User, organisation, Operations.Change)).Succeeded;
        CanManage = (await authorization.AuthorizeAsync(User, organisation, Operations.Manage)).Succeeded;
        var regions = await ProviderText.RegionNamesAsync(db, cancellationToken);
        RegionsCovered = organisation.Regions.Select(r => regions.GetValueOrDefault(r.RegionId, "")).Order().ToList();

        var themes = await reference.ThemeNamesAsync(db, cancellationToken);
        var offers = await db.Offers.AsNoTracking().Where(f => f.OrganisationId == id)
            .OrderBy(f => f.Kind).ThenBy(f => f.Title)
            .Select(f => new
            {
                f.Id, f.Kind, f.Title, f.DayRate, f.DaysAvailable, f.IsWithdrawn,
                Themes = f.Themes.Select(t => t.ThemeId).ToList(),
                Regions = f.Regions.Select(r => r.RegionId).ToList(),
                Home = db.Organisations.Where(o => o.Id == f.SecondeeHomeOrganisationId).Select(o => o.Name).FirstOrDefault(),
                Programme = db.Programmes.Where(p => p.Id == f.ProgrammeId).Select(p => p.Name).First(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        var rows = offers.Select(f => new OfferRow(f.Id, f.Kind, f.Title, f.DayRate, f.DaysAvailable, f.IsWithdrawn,
            f.Themes.Select(t => themes.GetValueOrDefault(t, "")).ToList(), f.Regions.Select(r => regions.GetValueOrDefault(r, "")).Order().ToList(),
            f.Home, f.Programme)).ToList();
        Offers = rows.Where(r => !r.IsWithdrawn).ToList();
        Withdrawn = rows.Where(r => r.IsWithdrawn).ToList();
        if (CanManage || CanChange)
        {
            Accounts = await db.Users.AsNoTracking().Where(u => u.OrganisationId == id && u.Role == Roles.ProviderContact)
                .OrderBy(u => u.DisplayName).Select(u => new Account(u.Id, u.DisplayName, u.Email!, u.IsActive, u.PasswordHash != null))
                .ToListAsync(cancellationToken);
        }
        return Page();
    }

    public sealed record OfferRow(int Id, OfferKind Kind, string Title, decimal? DayRate, int DaysAvailable, bool IsWithdrawn,
        IReadOnlyList<string> Themes, IReadOnlyList<string> Regions, string? SecondeeHome, string Programme);

    /// <summary>A provider contact who signs in for the organisation.</summary>
    public sealed record Account(string Id, string Name, string Email, bool IsActive, bool HasSignedUp);
}
