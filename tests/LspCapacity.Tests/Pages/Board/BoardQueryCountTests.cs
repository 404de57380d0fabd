using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Board;

/// <summary>The meeting page, its agenda page, the board's index and the decision log run as many SQL commands for one proposal as for many.</summary>
public class BoardQueryCountTests
{
    [Fact]
    public async Task BoardPages_RunTheSameQueries_ForFewAndManyProposalsAndDecisions()
    {
        await using var app = new AppFactory();
        var meeting = await app.MeetingAsync(-1);
        await AddDecidedAsync(app, meeting, 1);
        var urls = new[] { $"/board/meetings/{meeting}", $"/board/meetings/{meeting}/agenda", "/board", "/board/decisions", "/board/members" };
        var few = new Dictionary<(string, string), int>();
        foreach (var person in new[] { Demo.Coordinator, Demo.StaffCoventry })
        {
            foreach (var url in urls.Where(u => person == Demo.Coordinator || !u.EndsWith("/agenda", StringComparison.Ordinal)))
            {
                few[(person, url)] = await app.QueriesForAsync(person, url);
            }
        }

        await AddDecidedAsync(app, meeting, 30);

        foreach (var ((person, url), count) in few)
        {
            Assert.True(count == await app.QueriesForAsync(person, url), $"{url} as {person} ran a different number of queries with 30 more proposals");
        }
    }

    /// <summary><paramref name="count"/> proposals with endorsements on the meeting's agenda, every other one decided, and as many still open.</summary>
    private static async Task AddDecidedAsync(AppFactory app, int meeting, int count)
    {
        var dudley = (await app.PeopleAsync(1, "Dudley")).Single();
        await app.WithDbAsync(async db =>
        {
            var by = await db.Users.SingleAsync(u => u.Email == Demo.StaffBirmingham);
            var endorsers = await db.Users.Where(u => u.Email == Demo.StaffCoventry || u.Email == dudley).ToListAsync();
            var programme = await db.Programmes.Where(p => p.RegionId == by.RegionId).Select(p => p.Id).FirstAsync();
            var themes = await db.Themes.Select(t => t.Id).Take(3).ToListAsync();
            var board = await db.BoardMeetings.Include(m => m.Agenda).Include(m => m.Decisions).SingleAsync(m => m.Id == meeting);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var proposals = Enumerable.Range(0, count * 2).Select(i => Proposal.Seed(by.RegionId!.Value, programme, by.PartnershipId!.Value, by.Id,
                ProposalKind.Seminar, $"Counted {Guid.NewGuid():N}", "A need.", "", HostOffer.None, 100m, themes, now)).ToList();
            db.Proposals.AddRange(proposals);
            await db.SaveChangesAsync();
            foreach (var (proposal, i) in proposals.Select((p, i) => (p, i)))
            {
                foreach (var endorser in endorsers)
                {
                    db.ProposalEndorsements.Add(new ProposalEndorsement(proposal.Id, endorser.PartnershipId!.Value, endorser.Id, EndorsementKinds.NeedThisToo, null, now));
                }
                if (i % 2 == 1)
                {
                    continue; // left open for the agenda page's list
                }
                board.AddToAgenda(proposal, now);
                if (i % 4 == 0)
                {
                    board.RecordDecision(proposal, i % 8 == 0 ? DecisionOutcome.Declined : DecisionOutcome.Merged, null,
                        i % 8 == 0 ? null : proposals[i + 1], "Counted.", by.Id, now);
                }
            }
            await db.SaveChangesAsync();
        });
    }
}
