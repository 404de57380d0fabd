using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>
/// Who sits on the region's programme board: its coordinators by right and the LSP staff they appoint. Everyone of the
/// region may see who they are; the region's coordinators add members from the region's staff and remove them.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class MembersModel(AppDbContext db, CurrentUser me, TimeProvider clock, ReferenceData reference, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Choose a member of staff to add")]
    [Display(Name = "member of staff")]
    public string? PersonId { get; set; }

    public bool CanManage { get; private set; }
    public IReadOnlyList<Person> Coordinators { get; private set; } = [];
    public IReadOnlyList<Person> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        if (!await ManagesAsync(regionId))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == PersonId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.RegionId, u.Role }).SingleOrDefaultAsync(cancellationToken);
        try
        {
            if (person is null)
            {
                throw new DomainException("Choose a member of staff of the region.");
            }
            if (await db.BoardMembers.AnyAsync(m => m.RegionId == regionId && m.UserId == person.Id, cancellationToken))
            {
                throw new DomainException($"{person.DisplayName} is already on the board.");
            }
            var member = new BoardMember(regionId, person.Id, person.RegionId, person.Role == Roles.LspStaff, me.RequiredId, clock.GetUtcNow().UtcDateTime);
            db.BoardMembers.Add(member);
            db.Audit(me.Id, "board.member.added", member);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken), nameof(PersonId));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(PersonId), $"{person!.DisplayName} is already on the board.");
            return await ShowAsync(cancellationToken);
        }
        TempData.SetSuccess($"{person.DisplayName} is now a member of the programme board.");
        return RedirectToPage("/Board/Members");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int memberId, CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        if (!await ManagesAsync(regionId))
        {
            return Forbid();
        }
        var member = await db.BoardMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.RegionId == regionId, cancellationToken);
        if (member is not null)
        {
            db.BoardMembers.Remove(member);
            db.Audit(me.Id, "board.member.removed", member);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.SetSuccess("They are no longer a member of the programme board.");
        return RedirectToPage("/Board/Members");
    }

    private async Task<bool> ManagesAsync(int regionId) =>
        (await authorization.AuthorizeAsync(User, new RegionRecord(regionId), Operations.Manage)).Succeeded;

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Board);
        var regionId = me.RequiredRegionId;
        CanManage = await ManagesAsync(regionId);
        var partnerships = await reference.PartnershipNamesAsync(db, cancellationToken);
        Coordinators = await db.Users.AsNoTracking().Where(u => u.RegionId == regionId && u.IsActive && u.Role == Roles.Coordinator)
            .OrderBy(u => u.DisplayName).Select(u => new Person(0, u.DisplayName, null, null)).ToListAsync(cancellationToken);
        var members = await db.BoardMembers.AsNoTracking().Where(m => m.RegionId == regionId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.DisplayName, u.PartnershipId, m.Since })
            .OrderBy(x => x.DisplayName).ToListAsync(cancellationToken);
        Members = members.Select(m => new Person(m.Id, m.DisplayName, m.PartnershipId is { } p ? partnerships.GetValueOrDefault(p) : null, m.Since)).ToList();
        if (CanManage)
        {
            var onBoard = db.BoardMembers.Where(m => m.RegionId == regionId).Select(m => m.UserId);
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.RegionId == regionId && u.IsActive && u.Role == Roles.LspStaff && !onBoard.Contains(u.Id))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.PartnershipId }).ToListAsync(cancellationToken);
            Staff = staff.Select(s => new SelectListItem(
                s.PartnershipId is { } p ? $"{s.DisplayName} ({partnerships.GetValueOrDefault(p)})" : s.DisplayName, s.Id)).ToList();
        }
        return Page();
    }

    public sealed record Person(int MemberId, string Name, string? Partnership, DateTime? Since);
}
