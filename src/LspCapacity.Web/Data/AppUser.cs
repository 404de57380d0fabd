using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LspCapacity.Web.Data;

/// <summary>
/// A person who can sign in. Identity owns the credentials; we own who they are and where they work.
/// The Identity store's row (an <see cref="IdentityUser"/>), so it lives with the data, not in the domain;
/// domain records refer to people by id.
/// </summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? Organisation { get; set; }
    public int? RegionId { get; set; }
    public int? PartnershipId { get; set; }

    /// <summary>A provider contact's organisation on the register: the one whose offers they keep up to date.</summary>
    public int? OrganisationId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    /// <summary>The one role a person holds; kept here too so lists need no join through AspNetUserRoles.</summary>
    public string Role { get; set; } = Roles.LspStaff;

    /// <summary>Secret in the person's private calendar feed URL; replaced to revoke the old URL.</summary>
    public string? CalendarToken { get; set; }

    /// <summary>The account of an invited person: no password until they accept the invitation.</summary>
    public static AppUser Invited(PersonInvite invite, DateTime now) => new()
    {
        UserName = invite.Email,
        Email = invite.Email,
        DisplayName = invite.DisplayName,
        Organisation = invite.Organisation,
        RegionId = invite.RegionId,
        PartnershipId = invite.PartnershipId,
        OrganisationId = invite.OrganisationId,
        Role = invite.Role,
        CreatedAt = now,
    };

    public string NewCalendarToken()
    {
        CalendarToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        return CalendarToken;
    }

    public void Deactivate()
    {
        IsActive = false;
        // A locked-out account cannot sign in; the changed security stamp ends existing sessions.
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
    }

    public void Reactivate()
    {
        IsActive = true;
        LockoutEnd = null;
        AccessFailedCount = 0;
    }
}
