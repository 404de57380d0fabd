using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Proposals;

namespace LspCapacity.Tests.Pages.Board;

/// <summary>The board's decision reaches the proposer and every endorser, each once, over SMTP to the in-process server.</summary>
public sealed class BoardEmailTests : SmtpAppTest
{
    [Fact]
    public async Task Decision_IsEmailedOnceToTheProposerAndEachEndorser()
    {
        var dudley = (await App.PeopleAsync(2, "Dudley")).ToList();
        // The proposer endorsing too, and two people of one partnership: three partnerships, four people, each emailed once.
        var proposal = await App.ProposeAsync(Demo.StaffBirmingham, "Scorecards for every partner", ProposalKind.Workshop, HostOffer.None,
            Demo.StaffCoventry, dudley[0], dudley[1], Demo.StaffBirmingham);
        var meeting = await App.MeetingAsync(-1);
        await App.AddToAgendaAsync(meeting, proposal);
        const string reasons = "The region's reporting format changes in the spring.";
        Assert.Equal(HttpStatusCode.Redirect, (await App.DecideAsync(meeting, proposal, DecisionOutcome.Deferred, reasons)).StatusCode);
        // A second attempt, refused, queues nothing more.
        Assert.Equal(HttpStatusCode.OK, (await App.DecideAsync(meeting, proposal, DecisionOutcome.Declined, "Again")).StatusCode);

        await App.DeliverOutboxAsync();
        await App.DeliverOutboxAsync();
        var received = Smtp.Received.Where(m => m.Subject == "The programme board's decision: Scorecards for every partner").ToList();
        Assert.Equal(
            new[] { Demo.StaffBirmingham, Demo.StaffCoventry, dudley[0], dudley[1] }.Order(),
            received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(received, m =>
        {
            Assert.Contains("Deferred to a later meeting", m.TextBody);
            Assert.Contains(reasons, m.TextBody);
            Assert.Contains("/board/decisions", m.TextBody);
        });
    }
}
