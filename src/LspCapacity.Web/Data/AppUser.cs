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

    /// <summary>When the person last signed in (null: never): what the retention job measures idleness from.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>When the person was erased (UK GDPR article 17): name, email and sign-in replaced; their records stay, anonymous.</summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>The domain of the placeholder addresses of erased people: <c>.invalid</c> never delivers (RFC 2606).</summary>
    public const string ErasedEmailDomain = "erased.invalid";

    public static bool IsErasedAddress(string? email) =>
        email is not null && email.EndsWith("@" + ErasedEmailDomain, StringComparison.OrdinalIgnoreCase);

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

    /// <summary>
    /// Replaces everything that names the person and removes their sign-in: the name becomes
    /// "Erased person <paramref name="number"/>", the email a unique address that never delivers; no password,
    /// a new security stamp (ending every session), no calendar feed, deactivated. The id stays, so the
    /// records that count them (bookings, attendance, ratings) still add up, anonymously.
    /// </summary>
    public void Erase(int number, DateTime now)
    {
        var placeholder = $"erased-{Guid.NewGuid():N}@{ErasedEmailDomain}";
        DisplayName = $"Erased person {number}";
        Email = placeholder;
        NormalizedEmail = placeholder.ToUpperInvariant();
        UserName = placeholder;
        NormalizedUserName = placeholder.ToUpperInvariant();
        EmailConfirmed = false;
        PhoneNumber = null;
        Organisation = null;
        PasswordHash = null;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
        CalendarToken = null;
        ErasedAt = now;
        Deactivate();
    }

    public void Reactivate()
    {
        IsActive = true;
        LockoutEnd = null;
        AccessFailedCount = 0;
    }
}
