using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>
/// Tells the proposer and everyone who endorsed a proposal what the board decided and why, in the decision's
/// own save. One email per person per decision (key: meeting, proposal, person), however many times it is tried.
/// </summary>
public static class BoardEmails
{
    public static async Task QueueDecisionAsync(AppDbContext db, Outbox outbox, BoardMeeting meeting, Proposal proposal, BoardDecision decision,
        string? mergedIntoTitle, CancellationToken cancellationToken)
    {
        var endorsers = db.ProposalEndorsements.Where(e => e.ProposalId == proposal.Id).Select(e => e.UserId);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.Id == proposal.ProposedById || endorsers.Contains(u.Id)))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == proposal.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        var link = outbox.PageLink("/Board/Decisions");
        var emails = people.Where(p => !string.IsNullOrEmpty(p.Email)).Select(person => new OutgoingEmail(
            $"board-decision:{meeting.Id}:{proposal.Id}:{person.Id}", person.Email!, person.DisplayName, "board-decision",
            new Dictionary<string, string?>
            {
                ["Title"] = proposal.Title,
                ["PartnershipName"] = partnership,
                ["MeetingDate"] = UkTime.Date(meeting.StartsAt),
                ["Outcome"] = BoardText.Decision(decision.Outcome, decision.Budget, mergedIntoTitle),
                ["Reasons"] = decision.Reasons,
                ["Link"] = link,
            }) { RegionId = meeting.RegionId }).ToList();
        await outbox.QueueManyAsync(db, emails, cancellationToken);
    }
}
