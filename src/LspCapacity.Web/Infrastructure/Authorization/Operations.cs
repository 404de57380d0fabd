using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LspCapacity.Web.Infrastructure.Authorization;

/// <summary>
/// The named operations asked of a resource's authorisation handler:
/// <c>await authorization.AuthorizeAsync(User, record, Operations.Change)</c>. Each rule about *which*
/// record a person may touch is one <c>AuthorizationHandler&lt;OperationAuthorizationRequirement, TResource&gt;</c>;
/// folder and page policies (<see cref="Policies"/>) stay for rules about roles alone.
/// </summary>
public static class Operations
{
    /// <summary>See the record and what hangs on it.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Change the record as one of the people it belongs to (its author, its member, its staff).</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };

    /// <summary>Run it as the region's coordinator: decide, approve, assign, cancel, export.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
