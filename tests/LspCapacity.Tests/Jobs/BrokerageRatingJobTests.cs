using LspCapacity.Tests.Support;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Jobs;

namespace LspCapacity.Tests.Jobs;

/// <summary>
/// The demo data has a Coventry commitment delivered ten days ago and not rated, and a Birmingham one delivered and
/// rated. The rating request goes once per delivered commitment, a week after delivery, however often the job runs.
/// </summary>
public sealed class BrokerageRatingJobTests : SmtpAppTest
{
    private Task<int> AskAsync() => App.RunAsync<BrokerageRatingJob, int>(j => j.AskAsync());

    [Fact]
    public async Task RatingRequest_GoesOncePerDeliveredCommitment_AWeekAfterDelivery_EvenWhenTheJobRunsTwice()
    {
        Assert.Equal(1, await AskAsync()); // Coventry's, delivered ten days ago
        Assert.Equal(0, await AskAsync());

        // Birmingham's work, accepted and delivered today: not asked about until a week has passed.
        var id = await App.RecommendedRequestAsync(Demo.StaffBirmingham, days: 1);
        var accept = await App.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync($"/brokerage/{id}", new Dictionary<string, string>(),
            "form[action*='handler=Accept']");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, accept.StatusCode);
        var deliver = await App.CreateClientAs(BrokerageData.Broker).SubmitFormAsync($"/brokerage/{id}/deliver", new Dictionary<string, string>
        {
            ["Input.DeliveredOn"] = UkTime.Today(App.Clock).ToString("yyyy-MM-dd"), ["Input.DaysUsed"] = "1", ["Input.ActualCost"] = "400",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, deliver.StatusCode);
        Assert.Equal(0, await AskAsync());

        App.Clock.Advance(TimeSpan.FromDays(BrokerageRatingJob.DaysAfterDelivery));
        Assert.Equal(1, await AskAsync());
        Assert.Equal(0, await AskAsync());

        await App.DeliverOutboxAsync();
        var ratings = Smtp.Received.Where(m => (m.Subject ?? "").StartsWith("How was the support from", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ratings.Count);
        Assert.Equal([Demo.StaffBirmingham, Demo.StaffCoventry], ratings.Select(m => m.To.Mailboxes.Single().Address).Order());
        var birmingham = ratings.Single(m => m.To.Mailboxes.Single().Address == Demo.StaffBirmingham);
        Assert.Contains($"/brokerage/{id}/rate", birmingham.TextBody);

        // Once delivered, running the job again sends nothing more.
        Assert.Equal(0, await AskAsync());
        await App.DeliverOutboxAsync();
        Assert.Equal(2, Smtp.Received.Count(m => (m.Subject ?? "").StartsWith("How was the support from", StringComparison.Ordinal)));
    }
}
