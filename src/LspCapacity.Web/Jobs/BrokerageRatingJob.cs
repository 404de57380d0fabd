using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// Asks the person who requested brokered work to rate it, a week after its delivery: once per delivered
/// commitment (the key names the commitment), so running twice, or every morning, asks once. Work already
/// rated, cancelled or not yet delivered gets nothing.
/// </summary>
public sealed class BrokerageRatingJob(AppDbContext db, Outbox outbox, TimeProvider clock)
{
    public const int DaysAfterDelivery = 7;

    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> AskAsync(CancellationToken cancellationToken = default)
    {
        var deliveredBy = UkTime.Today(clock).AddDays(-DaysAfterDelivery);
        var due = await db.Commitments.AsNoTracking()
            .Where(c => c.Status == CommitmentStatus.Delivered && c.Rating == null && c.RequestId != null && c.DeliveredOn <= deliveredBy)
            .Join(db.BrokerageRequests, c => c.RequestId, r => r.Id, (c, r) => new
            {
                c.Id, c.RegionId, c.DeliveredOn, RequestId = r.Id, r.What,
                Organisation = db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).First(),
                Partnership = db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.Name).First(),
                Person = db.Users.Where(u => u.Id == r.RequestedById && u.IsActive).Select(u => new { u.DisplayName, u.Email }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var emails = due.Where(c => c.Person?.Email is not null).Select(c => new OutgoingEmail($"brokerage:commitment:{c.Id}:rating", c.Person!.Email!,
            c.Person.DisplayName, "brokerage-rating", new Dictionary<string, string?>
            {
                ["Organisation"] = c.Organisation,
                ["PartnershipName"] = c.Partnership,
                ["What"] = c.What,
                ["DeliveredOn"] = UkTime.Date(c.DeliveredOn!.Value),
                ["Link"] = outbox.PageLink("/Brokerage/Rate", new { id = c.RequestId }),
            }) { RegionId = c.RegionId }).ToList();
        var queued = await outbox.QueueManyAsync(db, emails, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
