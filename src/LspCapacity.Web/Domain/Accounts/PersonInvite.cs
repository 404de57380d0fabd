namespace LspCapacity.Web.Domain.Accounts;

/// <summary>One thing wrong with an invitation or a change of role: the field it is about, and what to do.</summary>
public sealed record InviteProblem(string Field, string Message);

/// <summary>
/// A person to invite, as the rules allow: a role the inviter may give, a partnership exactly when the
/// role works for one, the name and organisation trimmed. Whether the partnership is an active one of
/// the inviter's region, and whether the address is free, need the database: the caller finds them out
/// and says so.
/// </summary>
public sealed record PersonInvite(string Email, string DisplayName, string? Organisation, int? RegionId, string Role, int? PartnershipId)
{
    public const string EmailField = nameof(Email);
    public const string RoleField = nameof(Role);
    public const string PartnershipField = nameof(PartnershipId);
    public const string OrganisationField = nameof(OrganisationId);

    /// <summary>A provider contact's organisation on the register; null for every other role.</summary>
    public int? OrganisationId { get; init; }

    /// <summary>
    /// Why this role may not have this organisation: a provider contact needs an active organisation of the
    /// register (the caller looks it up). Empty when it may, and for every other role (which has none).
    /// </summary>
    public static IReadOnlyList<InviteProblem> CheckOrganisation(string? role, int? organisationId, bool organisationIsOnTheRegister)
    {
        if (role is null || !Roles.RequiresOrganisation(role))
        {
            return [];
        }
        if (organisationId is null)
        {
            return [new(OrganisationField, "Select the organisation this provider contact works for")];
        }
        return organisationIsOnTheRegister ? [] : [new(OrganisationField, "Select an organisation from the list")];
    }

    /// <summary>
    /// Why someone holding <paramref name="giverRole"/> may not give <paramref name="role"/> with this
    /// partnership: a role they may not give, or a partnership missing (or not one of the region's) for
    /// a role that works for one. Empty when they may. A missing role is the form's to report.
    /// </summary>
    public static IReadOnlyList<InviteProblem> CheckRole(string giverRole, string? role, int? partnershipId, bool partnershipIsTheRegions,
        string notTheRegions = "Select a partnership from the list")
    {
        var problems = new List<InviteProblem>();
        if (role is null)
        {
            return problems;
        }
        if (!Roles.AssignableBy(giverRole).Contains(role))
        {
            problems.Add(new(RoleField, "Select a role you may give"));
        }
        if (Roles.RequiresPartnership(role))
        {
            if (partnershipId is null)
            {
                problems.Add(new(PartnershipField, "Select the partnership this person works for"));
            }
            else if (!partnershipIsTheRegions)
            {
                problems.Add(new(PartnershipField, notTheRegions));
            }
        }
        return problems;
    }

    /// <summary>The invitation, or a <see cref="DomainException"/> with the first thing wrong with it.</summary>
    public static PersonInvite Create(string inviterRole, int regionId, string email, string displayName, string? organisation,
        string role, int? partnershipId, bool partnershipIsTheRegions, int? organisationId = null, bool organisationIsOnTheRegister = false)
    {
        if (CheckRole(inviterRole, role, partnershipId, partnershipIsTheRegions)
                .Concat(CheckOrganisation(role, organisationId, organisationIsOnTheRegister)).FirstOrDefault() is { } problem)
        {
            throw new DomainException(problem.Message + ".");
        }
        return new PersonInvite(
            Guard.Required(email, "The email address"),
            Guard.Required(displayName, "The person's name"),
            Guard.Optional(organisation),
            Roles.HasNoRegion(role) ? null : regionId,
            role,
            Roles.RequiresPartnership(role) ? partnershipId : null)
        {
            OrganisationId = Roles.RequiresOrganisation(role) ? organisationId : null,
        };
    }
}
