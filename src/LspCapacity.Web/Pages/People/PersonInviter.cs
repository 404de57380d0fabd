using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.People;

/// <summary>
/// Invites a person in one unit of work (<see cref="Transactions.InTransactionAsync{T}"/>, so on SQLite
/// behind the write gate): the account without a password, its role, the invitation and its email are
/// written together or not at all, so there is never an account without its invitation or an email
/// without its account.
/// </summary>
public sealed class PersonInviter(AppDbContext db, UserManager<AppUser> users, Outbox outbox, TimeProvider clock, IOptions<AccountOptions> accounts)
{
    /// <summary>Sends the invitation; returns what stopped it (the address taken meanwhile), or nothing when it was sent.</summary>
    public async Task<IReadOnlyList<InviteProblem>> InviteAsync(PersonInvite invite, string inviterId, string inviterName,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                // Checked again inside the unit of work: the form's check may have lost a race with another invitation.
                if (await users.FindByEmailAsync(invite.Email) is not null)
                {
                    throw new Refused([new(PersonInvite.EmailField, "Someone with this email address already has an account")]);
                }
                var now = clock.GetUtcNow().UtcDateTime;
                var user = AppUser.Invited(invite, now);
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new Refused(created.Errors.Select(e => new InviteProblem(PersonInvite.EmailField, e.Description.TrimEnd('.'))).ToList());
                }
                await users.AddToRoleAsync(user, user.Role);
                if (invite.OrganisationId is { } organisationId)
                {
                    // A provider contact is one of their organisation's contacts, linked to their account.
                    var organisation = await db.Organisations.Include(o => o.Contacts).SingleAsync(o => o.Id == organisationId, ct);
                    if (organisation.Contacts.All(c => !string.Equals(c.Email, invite.Email, StringComparison.OrdinalIgnoreCase)))
                    {
                        organisation.AddContact(invite.DisplayName, invite.Email, null, null, user.Id, now);
                    }
                }
                await InvitationMail.QueueAsync(db, outbox, user, inviterId, inviterName, TimeSpan.FromDays(accounts.Value.InvitationDays), now, ct);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
            return [];
        }
        catch (Refused refused)
        {
            // Thrown inside the unit of work so that it rolls back whatever was written before the refusal.
            db.DiscardPendingChanges();
            return refused.Problems;
        }
    }

    private sealed class Refused(IReadOnlyList<InviteProblem> problems) : Exception
    {
        public IReadOnlyList<InviteProblem> Problems { get; } = problems;
    }
}
