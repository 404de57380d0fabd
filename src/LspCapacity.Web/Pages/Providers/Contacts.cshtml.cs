using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>A coordinator (or admin) keeps an organisation's contacts: adds one, removes one.</summary>
public class ContactsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public ContactInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        return await MayManageAsync(organisation) ? Show(organisation) : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!await MayManageAsync(organisation))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Show(organisation);
        }
        try
        {
            var contact = organisation.AddContact(Input.Name, Input.Email, Input.Phone, Input.Role, null, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "organisation.contact-added", organisation, contact.Name);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db, e.Message.Contains("email", StringComparison.OrdinalIgnoreCase) ? "Input.Email" : "");
            return Show((await LoadAsync(id, cancellationToken))!);
        }
        TempData.SetSuccess($"{Input.Name.Trim()} has been added as a contact.");
        return RedirectToPage("/Providers/Contacts", new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int contactId, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!await MayManageAsync(organisation))
        {
            return Forbid();
        }
        ModelState.Clear();
        try
        {
            var name = organisation.Contacts.FirstOrDefault(c => c.Id == contactId)?.Name;
            organisation.RemoveContact(contactId, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "organisation.contact-removed", organisation, name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{name} is no longer a contact.");
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show((await LoadAsync(id, cancellationToken))!);
        }
        return RedirectToPage("/Providers/Contacts", new { id });
    }

    private Task<Organisation?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Organisations.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task<bool> MayManageAsync(Organisation organisation) =>
        (await authorization.AuthorizeAsync(User, organisation, Operations.Manage)).Succeeded;

    private PageResult Show(Organisation organisation)
    {
        ViewData.SetSection(SiteSection.Providers);
        Organisation = organisation;
        return Page();
    }

    public sealed class ContactInput
    {
        [Required(ErrorMessage = "Enter the contact's name")]
        [StringLength(OrganisationContact.NameLength, ErrorMessage = "The name must be 200 characters or fewer")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the contact's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(OrganisationContact.EmailLength, ErrorMessage = "The email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";

        [StringLength(OrganisationContact.PhoneLength, ErrorMessage = "The phone number must be 40 characters or fewer")]
        public string? Phone { get; set; }

        [StringLength(OrganisationContact.RoleLength, ErrorMessage = "The role must be 200 characters or fewer")]
        public string? Role { get; set; }
    }
}
