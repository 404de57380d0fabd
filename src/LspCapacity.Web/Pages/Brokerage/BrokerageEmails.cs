using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// The brokerage emails, each queued in the save of the change it tells of, each with a de-duplication key:
/// a request received (to the region's brokers), a recommendation ready (to the person who asked), the
/// partnership's decision (to the broker). The rating request goes from <see cref="Jobs.BrokerageRatingJob"/>.
/// </summary>
public static class BrokerageEmails
{
    public static async Task QueueReceivedAsync(AppDbContext db, Outbox outbox, BrokerageRequest request, CancellationToken cancellationToken)
    {
        var brokers = await db.Users.AsNoTracking().Where(u => u.RegionId == request.RegionId && u.Role == Roles.Broker && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var values = await ValuesAsync(db, outbox, request, cancellationToken);
        foreach (var broker in brokers)
        {
            await outbox.QueueAsync(db, new OutgoingEmail($"brokerage:{request.Id}:received:{broker.Id}", broker.Email!, broker.DisplayName,
                "brokerage-received", values) { RegionId = request.RegionId }, cancellationToken);
        }
    }

    public static async Task QueueRecommendedAsync(AppDbContext db, Outbox outbox, BrokerageRequest request, string organisation,
        CancellationToken cancellationToken)
    {
        var values = await ValuesAsync(db, outbox, request, cancellationToken);
        values["Organisation"] = organisation;
        values["Days"] = BrokerageText.Days(request.Days);
        values["Cost"] = BrokerageText.Money(request.RecommendedCost);
        values["ValidUntil"] = request.ValidUntil is { } until ? UkTime.Date(until) : "";
        await ToPersonAsync(db, outbox, request.RequestedById, $"brokerage:{request.Id}:recommended:{request.RecommendedAt!.Value.Ticks}",
            "brokerage-recommended", values, request.RegionId, cancellationToken);
    }

    public static async Task QueueDecisionAsync(AppDbContext db, Outbox outbox, BrokerageRequest request, CancellationToken cancellationToken)
    {
        if (request.BrokerId is null)
        {
            return;
        }
        var accepted = request.Status == BrokerageRequestStatus.Accepted;
        var values = await ValuesAsync(db, outbox, request, cancellationToken);
        values["Decision"] = accepted ? "accepted your recommendation: the work is committed against the programme budget" : "asked you again";
        values["Reason"] = request.AskedAgainReason ?? "";
        await ToPersonAsync(db, outbox, request.BrokerId,
            $"brokerage:{request.Id}:decision:{(accepted ? "accepted" : "asked-again")}:{request.DecidedAt!.Value.Ticks}",
            "brokerage-decision", values, request.RegionId, cancellationToken);
    }

    private static async Task ToPersonAsync(AppDbContext db, Outbox outbox, string personId, string key, string template,
        Dictionary<string, string?> values, int regionId, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == personId && u.IsActive)
            .Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (person?.Email is null)
        {
            return;
        }
        await outbox.QueueAsync(db, new OutgoingEmail(key, person.Email, person.DisplayName, template, values) { RegionId = regionId }, cancellationToken);
    }

    private static async Task<Dictionary<string, string?>> ValuesAsync(AppDbContext db, Outbox outbox, BrokerageRequest request,
        CancellationToken cancellationToken) => new()
    {
        ["What"] = request.What,
        ["PartnershipName"] = await db.Partnerships.AsNoTracking().Where(p => p.Id == request.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken),
        ["WantedBy"] = UkTime.Date(request.WantedBy),
        ["Ceiling"] = BrokerageText.Money(request.BudgetCeiling),
        ["Link"] = outbox.PageLink("/Brokerage/Details", new { id = request.Id }),
    };
}
