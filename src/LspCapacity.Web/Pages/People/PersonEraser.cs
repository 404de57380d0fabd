using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.People;

/// <summary>
/// Erases a person (UK GDPR article 17): what identifies them goes, what counts them stays. Their name,
/// email and what they wrote about themselves are replaced; the private notes they wrote are deleted;
/// their sign-in is removed (password, sessions, calendar feed, invitations; deactivated); the emails
/// addressed to them keep their dates and status but lose their words, and one not yet sent is withdrawn.
/// Their bookings, attendance, ratings, placements and answers keep their rows under the same id, so every
/// figure stays the same. Used by the erase page and the retention job; runs inside the caller's unit of
/// work and writes its audit entry there.
/// </summary>
public static class PersonEraser
{
    /// <summary>Returns the person's new name, or null when there is no such person or they were erased already.</summary>
    public static async Task<string?> EraseAsync(AppDbContext db, Sessions sessions, string personId, string? actorId, string reason, DateTime now,
        CancellationToken cancellationToken)
    {
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == personId, cancellationToken);
        if (person is null || person.ErasedAt is not null)
        {
            return null;
        }
        var oldEmail = person.Email;
        var number = await db.Users.CountAsync(u => u.ErasedAt != null, cancellationToken) + 1;
        person.Erase(number, now);

        foreach (var profile in await db.MentorProfiles.Where(m => m.PersonId == personId).ToListAsync(cancellationToken))
        {
            profile.ForgetPerson();
        }
        // Private notes are the pair's alone; the one who wrote them is gone, so are they. Summaries stay.
        await db.Set<PlacementSession>().Where(s => s.LoggedById == personId && s.PrivateNotes != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PrivateNotes, (string?)null), cancellationToken);
        if (oldEmail is not null)
        {
            var messages = await db.OutboxMessages.Include(m => m.Attachments).Where(m => m.ToAddress == oldEmail).ToListAsync(cancellationToken);
            foreach (var message in messages)
            {
                message.ForgetRecipient(person.Email!, person.DisplayName, now);
            }
            // A case study's contact details that were theirs.
            await db.CaseStudies.Where(c => c.ContactEmail == oldEmail)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ContactEmail, (string?)null).SetProperty(c => c.ContactName, (string?)null), cancellationToken);
        }
        await db.UserSessions.Where(s => s.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        sessions.Forget(personId); // a cookie of theirs is refused on this node at once (on others within Accounts:SessionCheckSeconds)
        await db.Invitations.Where(i => i.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.LibrarySubscriptions.Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == personId).ExecuteDeleteAsync(cancellationToken);

        db.Audit(actorId, "person.erased", person, reason);
        await db.SaveChangesAsync(cancellationToken);
        return person.DisplayName;
    }
}
