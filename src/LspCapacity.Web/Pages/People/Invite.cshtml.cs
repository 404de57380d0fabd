using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.People;

/// <summary>
/// Invites a person: the account (without a password), its role, the invitation and its email are
/// written in one transaction, so there is never an account without its invitation or an email
/// without its account.
/// </summary>
public class InviteModel(AppDbContext db, UserManager<AppUser> users, Outbox outbox, CurrentUser me, TimeProvider clock,
    IOptions<AccountOptions> accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PartnershipItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? partnership, CancellationToken cancellationToken)
    {
        if (me.RegionId is null)
        {
            return Forbid();
        }
        Input.PartnershipId = partnership;
        if (partnership is not null)
        {
            Input.Role = Roles.LspStaff;
        }
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (me.RegionId is not { } regionId)
        {
            return Forbid();
        }
        var assignable = Roles.AssignableBy(me.Role);
        if (Input.Role is not null && !assignable.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Select a role you may give");
        }
        if (Input.Role is not null && Roles.RequiresPartnership(Input.Role))
        {
            if (Input.PartnershipId is null)
            {
                ModelState.AddModelError("Input.PartnershipId", "Select the partnership this person works for");
            }
            else if (!await db.Partnerships.AnyAsync(p => p.Id == Input.PartnershipId && p.RegionId == regionId && p.IsActive, cancellationToken))
            {
                ModelState.AddModelError("Input.PartnershipId", "Select a partnership from the list");
            }
        }
        var email = Input.Email?.Trim() ?? "";
        if (email.Length > 0 && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "Someone with this email address already has an account");
        }
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            Organisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim(),
            RegionId = regionId,
            PartnershipId = Roles.RequiresPartnership(Input.Role!) ? Input.PartnershipId : null,
            Role = Input.Role!,
            CreatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Input.Email", error.Description.TrimEnd('.'));
            }
            await LoadListsAsync(cancellationToken);
            return Page();
        }
        await users.AddToRoleAsync(user, user.Role);
        await InvitationMail.QueueAsync(db, outbox, user, me.RequiredId, me.DisplayName,
            TimeSpan.FromDays(accounts.Value.InvitationDays), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData.SetSuccess($"Invitation sent to {user.Email}.");
        return RedirectToPage("/People/Index");
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        RoleItems = Roles.AssignableBy(me.Role).Select(r => new SelectListItem(Roles.DisplayName(r), r)).ToList();
        PartnershipItems = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == me.RegionId && p.IsActive)
            .OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's full name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter the person's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";

        [StringLength(200, ErrorMessage = "Organisation must be 200 characters or fewer")]
        public string? Organisation { get; set; }

        [Required(ErrorMessage = "Select a role")]
        public string? Role { get; set; }

        public int? PartnershipId { get; set; }
    }
}
