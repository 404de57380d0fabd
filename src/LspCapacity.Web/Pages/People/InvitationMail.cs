using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.People;

/// <summary>Creates an invitation for a person and queues its email, in the caller's unit of work.</summary>
public static class InvitationMail
{
    public static async Task<Invitation> QueueAsync(AppDbContext db, Outbox outbox, AppUser user, string inviterId, string inviterName,
        TimeSpan lifetime, DateTime now, CancellationToken cancellationToken)
    {
        // A new invitation withdraws any earlier one still pending: only the newest link works.
        var earlier = await db.Invitations.Where(i => i.UserId == user.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        earlier.ForEach(i => i.Revoke(now));

        var (invitation, token) = Invitation.Create(user.Id, inviterId, now, lifetime);
        db.Invitations.Add(invitation);
        var regionName = await db.Regions.Where(r => r.Id == user.RegionId).Select(r => r.NameInSentence ?? r.Name).FirstOrDefaultAsync(cancellationToken) ?? "your region";
        await outbox.QueueAsync(db, $"invitation:{user.Id}:{invitation.TokenHash[..16]}", user.Email!, user.DisplayName, "invitation",
            new Dictionary<string, string?>
            {
                ["InviterName"] = inviterName,
                ["RegionName"] = regionName,
                ["RoleName"] = Roles.DisplayName(user.Role),
                ["Link"] = outbox.PageLink("/Account/Invitation", new { token }),
                ["ExpiresOn"] = UkTime.DateTime(invitation.ExpiresAt),
                ["PrivacyLink"] = outbox.PageLink("/Privacy"),
            }, cancellationToken, user.RegionId);
        db.Audit(inviterId, "invitation.sent", user, Roles.DisplayName(user.Role));
        return invitation;
    }
}
