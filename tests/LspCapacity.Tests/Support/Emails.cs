using System.Text.RegularExpressions;
using LspCapacity.Web.Email;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace LspCapacity.Tests.Support;

/// <summary>Delivers the outbox as the Hangfire job would, and reads what landed in the pickup folder.</summary>
public static partial class Emails
{
    /// <summary>Runs the delivery job until a run sends nothing (each run takes one batch).</summary>
    public static async Task<int> DeliverOutboxAsync(this AppFactory app)
    {
        var total = 0;
        int sent;
        do
        {
            sent = await app.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync());
            total += sent;
        }
        while (sent > 0);
        return total;
    }

    /// <summary>Delivers the outbox and returns every message in the pickup folder addressed to <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> DeliveredToAsync(this AppFactory app, string to)
    {
        await app.DeliverOutboxAsync();
        if (!Directory.Exists(app.PickupFolder))
        {
            return [];
        }
        return Directory.GetFiles(app.PickupFolder, "*.eml").Order()
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The path and query of the first link in the email's text that starts with <paramref name="pathPrefix"/>.</summary>
    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"http://localhost({Regex.Escape(pathPrefix)}[^\s]*)");
        Assert.True(match.Success, $"No {pathPrefix} link in: {message.TextBody}");
        return match.Groups[1].Value;
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this AppFactory app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
}
