using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.People;

/// <summary>One person: change their role, deactivate or reactivate them, resend their invitation.</summary>
public class DetailsModel(AppDbContext db, UserManager<AppUser> users, Outbox outbox, CurrentUser me, TimeProvider clock,
    IOptions<AccountOptions> accounts, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public AppUser Person { get; private set; } = default!;
    public string? PartnershipName { get; private set; }
    public PersonStatus Status { get; private set; }
    public bool CanManage { get; private set; }
    public string? MyId => me.Id;
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PartnershipItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<AuditLine> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var person = await LoadAsync(id, cancellationToken);
        if (person is not null)
        {
            Input = new RoleInput { Role = person.Role, PartnershipId = person.PartnershipId, OrganisationId = person.OrganisationId };
        }
        return await ShowAsync(person, cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, CancellationToken cancellationToken)
    {
        var person = await LoadAsync(id, cancellationToken);
        if (person is null || !CanManage)
        {
            return await ShowAsync(person, cancellationToken);
        }
        var partnershipIsTheRegions = Input.Role is not null && Roles.RequiresPartnership(Input.Role) && Input.PartnershipId is { } partnershipId
            && await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.RegionId == person.RegionId, cancellationToken);
        foreach (var problem in PersonInvite.CheckRole(me.Role, Input.Role, Input.PartnershipId, partnershipIsTheRegions,
                     notTheRegions: "Select the partnership this person works for"))
        {
            ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        }
        var organisationIsOnTheRegister = Input.Role is not null && Roles.RequiresOrganisation(Input.Role) && Input.OrganisationId is { } organisationId
            && await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive, cancellationToken);
        foreach (var problem in PersonInvite.CheckOrganisation(Input.Role, Input.OrganisationId, organisationIsOnTheRegister))
        {
            ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(person, cancellationToken);
        }

        // One unit of work (behind the write gate on SQLite): the roles, the person and the audit entry.
        await db.InTransactionAsync(async ct =>
        {
            var changing = await db.Users.SingleAsync(u => u.Id == id, ct);
            var before = Roles.DisplayName(changing.Role);
            var partnershipBefore = changing.PartnershipId;
            await users.RemoveFromRolesAsync(changing, await users.GetRolesAsync(changing));
            await users.AddToRoleAsync(changing, Input.Role!);
            changing.Role = Input.Role!;
            changing.PartnershipId = Roles.RequiresPartnership(Input.Role!) ? Input.PartnershipId : null;
            changing.OrganisationId = Roles.RequiresOrganisation(Input.Role!) ? Input.OrganisationId : null;
            // The national team has no region; anyone else keeps theirs (or, leaving the national team, takes the admin's).
            changing.RegionId = Roles.HasNoRegion(changing.Role) ? null : changing.RegionId ?? me.RegionId;
            var partnershipChange = partnershipBefore == changing.PartnershipId ? ""
                : $"; partnership {partnershipBefore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} → {changing.PartnershipId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
            db.Audit(me.Id, before == Roles.DisplayName(changing.Role) ? "person.partnership-changed" : "person.role-changed", changing,
                $"{before} → {Roles.DisplayName(changing.Role)}{partnershipChange}");
            // A new security stamp makes their next request pick up the new role.
            await users.UpdateSecurityStampAsync(changing);
            person = changing;
        }, cancellationToken);
        TempData.SetSuccess($"{person.DisplayName} is now {Roles.DisplayName(person.Role)}.");
        return RedirectToPage("/People/Details", new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "person.deactivated", "has been deactivated", p =>
        {
            if (p.Id == me.Id)
            {
                return "You cannot deactivate your own account";
            }
            p.Deactivate();
            return null;
        }, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "person.reactivated", "has been reactivated", p =>
        {
            p.Reactivate();
            return null;
        }, cancellationToken);

    public async Task<IActionResult> OnPostResendAsync(string id, CancellationToken cancellationToken)
    {
        var person = await LoadAsync(id, cancellationToken);
        if (person is null || !CanManage)
        {
            return await ShowAsync(person, cancellationToken);
        }
        if (person.PasswordHash is not null || !person.IsActive)
        {
            ModelState.AddModelError("", "Only an active person who has not yet set a password can be sent a new invitation");
            return await ShowAsync(person, cancellationToken);
        }
        await InvitationMail.QueueAsync(db, outbox, person, me.RequiredId, me.DisplayName,
            TimeSpan.FromDays(accounts.Value.InvitationDays), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess($"A new invitation has been sent to {person.Email}. The earlier link no longer works.");
        return RedirectToPage("/People/Details", new { id });
    }

    private async Task<IActionResult> ChangeAsync(string id, string action, string done, Func<AppUser, string?> change, CancellationToken cancellationToken)
    {
        var person = await LoadAsync(id, cancellationToken);
        if (person is null || !CanManage)
        {
            return await ShowAsync(person, cancellationToken);
        }
        // One unit of work (behind the write gate on SQLite): the change, its audit entry and the new security stamp.
        var refusal = await db.InTransactionAsync(async ct =>
        {
            var changing = await db.Users.SingleAsync(u => u.Id == id, ct);
            if (change(changing) is { } refused)
            {
                return refused;
            }
            db.Audit(me.Id, action, changing);
            await users.UpdateAsync(changing);
            await users.UpdateSecurityStampAsync(changing); // ends their sessions
            person = changing;
            return null;
        }, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal);
            return await ShowAsync(person, cancellationToken);
        }
        TempData.SetSuccess($"{person.DisplayName} {done}.");
        return RedirectToPage("/People/Details", new { id });
    }

    private async Task<AppUser?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (person is null)
        {
            return null;
        }
        Person = person;
        // Coordinators manage only the roles they can give, and only in their own region.
        CanManage = (await authorization.AuthorizeAsync(User, new RegionRecord(person.RegionId), Operations.Manage)).Succeeded
                    && Roles.AssignableBy(me.Role).Contains(person.Role);
        return person;
    }

    private async Task<IActionResult> ShowAsync(AppUser? person, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.People);
        if (person is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(person.RegionId), Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        if (HttpMethods.IsPost(Request.Method) && !CanManage)
        {
            return Forbid();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        PartnershipName = await db.Partnerships.AsNoTracking().Where(p => p.Id == person.PartnershipId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        Status = !person.IsActive ? PersonStatus.Deactivated
            : person.PasswordHash is not null ? PersonStatus.Active
            : await db.Invitations.AnyAsync(i => i.UserId == person.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken)
                ? PersonStatus.Invited
                : PersonStatus.InvitationExpired;
        RoleItems = Roles.AssignableBy(me.Role).Select(r => new SelectListItem(Roles.DisplayName(r), r)).ToList();
        PartnershipItems = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == person.RegionId && p.IsActive)
            .OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == person.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        OrganisationItems = Roles.AssignableBy(me.Role).Contains(Roles.ProviderContact)
            ? await db.Organisations.AsNoTracking().Where(o => o.IsActive)
                .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken)
            : [];
        History = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(AppUser) && a.EntityId == person.Id)
            .OrderByDescending(a => a.At).Take(20)
            .Select(a => new AuditLine(a.At, a.Action, a.Details,
                db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed class RoleInput
    {
        [Required(ErrorMessage = "Select a role")]
        public string? Role { get; set; }

        public int? PartnershipId { get; set; }

        public int? OrganisationId { get; set; }
    }

    public sealed record AuditLine(DateTime At, string Action, string? Details, string? Actor);
}
