using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.People;

public enum PersonStatus
{
    Active,
    Invited,
    InvitationExpired,
    Deactivated,
}

/// <summary>The people of the coordinator's region (admins: everyone), with their invitation status.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> People { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.People);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = RegionRule.Visible(db.Users.AsNoTracking(), User, u => u.RegionId);
        if (Role is not null && Roles.All.Contains(Role))
        {
            query = query.Where(u => u.Role == Role);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Lower-cased on both sides: case-insensitive on SQLite and PostgreSQL alike (LIKE is not on PostgreSQL).
            var term = Q.Trim().ToLowerInvariant();
            query = query.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term)
                                     || u.Organisation!.ToLower().Contains(term));
        }
        People = await query.OrderBy(u => u.DisplayName)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email!, u.Role, u.Organisation,
                db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).FirstOrDefault(),
                !u.IsActive ? PersonStatus.Deactivated
                : u.PasswordHash != null ? PersonStatus.Active
                : db.Invitations.Any(i => i.UserId == u.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                    ? PersonStatus.Invited
                    : PersonStatus.InvitationExpired))
            .ToPagedAsync(PageNumber, 50, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) =>
        Url.Page("/People/Index", new { q = string.IsNullOrWhiteSpace(Q) ? null : Q, role = Role })!.WithPageNumber(page);

    public sealed record Row(string Id, string Name, string Email, string Role, string? Organisation, string? Partnership, PersonStatus Status);

    public static (string Text, string Css) StatusTag(PersonStatus status) => status switch
    {
        PersonStatus.Active => ("Active", "govuk-tag--green"),
        PersonStatus.Invited => ("Invited", "govuk-tag--blue"),
        PersonStatus.InvitationExpired => ("Invitation expired", "govuk-tag--orange"),
        _ => ("Deactivated", "govuk-tag--grey"),
    };
}
