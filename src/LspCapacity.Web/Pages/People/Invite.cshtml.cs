using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.People;

/// <summary>
/// Invites a person: the form checks the input against the rules (<see cref="PersonInvite"/>), and
/// <see cref="PersonInviter"/> writes the account, its role, the invitation and its email in one unit of work.
/// </summary>
[Authorize(Policy = Policies.InARegion)]
public class InviteModel(AppDbContext db, UserManager<AppUser> users, PersonInviter inviter, CurrentUser me) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PartnershipItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];

    /// <param name="partnership">Invite a member of this partnership's staff (from the partnership's page).</param>
    /// <param name="organisation">Invite a provider contact of this organisation (from the provider register).</param>
    public async Task<IActionResult> OnGetAsync(int? partnership, int? organisation, CancellationToken cancellationToken)
    {
        Input.PartnershipId = partnership;
        Input.OrganisationId = organisation;
        if (partnership is not null)
        {
            Input.Role = Roles.LspStaff;
        }
        else if (organisation is not null)
        {
            Input.Role = Roles.ProviderContact;
        }
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        var partnershipIsTheRegions = Input.Role is not null && Roles.RequiresPartnership(Input.Role) && Input.PartnershipId is { } partnershipId
            && await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.RegionId == regionId && p.IsActive, cancellationToken);
        AddProblems(PersonInvite.CheckRole(me.Role, Input.Role, Input.PartnershipId, partnershipIsTheRegions));
        var organisationIsOnTheRegister = Input.Role is not null && Roles.RequiresOrganisation(Input.Role) && Input.OrganisationId is { } organisationId
            && await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive, cancellationToken);
        AddProblems(PersonInvite.CheckOrganisation(Input.Role, Input.OrganisationId, organisationIsOnTheRegister));
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

        var invite = PersonInvite.Create(me.Role, regionId, email, Input.DisplayName, Input.Organisation, Input.Role!, Input.PartnershipId, partnershipIsTheRegions,
            Input.OrganisationId, organisationIsOnTheRegister);
        var problems = await inviter.InviteAsync(invite, me.RequiredId, me.DisplayName, cancellationToken);
        if (problems.Count > 0)
        {
            AddProblems(problems);
            await LoadListsAsync(cancellationToken);
            return Page();
        }

        TempData.SetSuccess($"Invitation sent to {invite.Email}.");
        return RedirectToPage("/People/Index");
    }

    private void AddProblems(IEnumerable<InviteProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        }
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        RoleItems = Roles.AssignableBy(me.Role).Select(r => new SelectListItem(Roles.DisplayName(r), r)).ToList();
        PartnershipItems = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == me.RegionId && p.IsActive)
            .OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        OrganisationItems = Roles.AssignableBy(me.Role).Contains(Roles.ProviderContact)
            ? await db.Organisations.AsNoTracking().Where(o => o.IsActive)
                .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken)
            : [];
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

        public int? OrganisationId { get; set; }
    }
}
