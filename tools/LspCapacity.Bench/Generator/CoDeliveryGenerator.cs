using LspCapacity.Web.Domain.Activities;
using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>
/// Co-delivery and national showcases: about a third of the published and completed activities name one
/// or two partnerships of their region (the host of a study visit, co-deliverers, presenters), and about
/// one showcase in ten still to come is national, with a cap for two other regions. Every booking carries
/// its booker's home region (the generated people book in their own region).
/// </summary>
public sealed partial class NationalDataGenerator
{
    private static readonly string[] Contributions =
    [
        "Runs the afternoon workshop", "Presents its LAA delivery plan", "Hosts the visit and the residents' panel",
        "Shares its performance framework", "Co-designed the exercises", "Leads the session on pooled budgets",
    ];

    private void AddCoDelivery(SqliteConnection connection, SqliteTransaction transaction)
    {
        using (var regions = connection.CreateCommand())
        {
            regions.Transaction = transaction;
            regions.CommandText = "UPDATE Bookings SET RegionId = (SELECT a.RegionId FROM Activities a WHERE a.Id = Bookings.ActivityId)";
            regions.ExecuteNonQuery();
        }
        var activities = new List<(int Id, int RegionId, ActivityKind Kind, DateTime StartsAt, int Capacity)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id, RegionId, Kind, StartsAt, Capacity FROM Activities WHERE Status IN ('Published', 'Completed') ORDER BY Id";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                activities.Add((reader.GetInt32(0), reader.GetInt32(1), Enum.Parse<ActivityKind>(reader.GetString(2)), reader.GetDateTime(3), reader.GetInt32(4)));
            }
        }
        var partnershipsByRegion = _partnerships.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        using var contributors = new BulkInsert(connection, transaction, "ActivityContributors", "ActivityId", "PartnershipId", "Role",
            "PersonId", "PresenterName", "Contribution", "AddedAt");
        using var caps = new BulkInsert(connection, transaction, "ActivityRegionCap", "ActivityId", "RegionId", "Cap");
        using var national = connection.CreateCommand();
        national.Transaction = transaction;
        national.CommandText = "UPDATE Activities SET IsNational = 1 WHERE Id = $id";
        var idParameter = national.Parameters.Add(new SqliteParameter("$id", 0));
        foreach (var activity in activities.Where(a => a.Id != 1)) // activity 1 is the benchmark's book-then-cancel activity
        {
            if (activity.Kind == ActivityKind.Showcase && activity.StartsAt > anchor && _rng.NextDouble() < 0.1)
            {
                idParameter.Value = activity.Id;
                national.ExecuteNonQuery();
                foreach (var other in _regions.Where(r => r.Id != activity.RegionId).OrderBy(_ => _rng.Next()).Take(2))
                {
                    caps.Row(activity.Id, other.Id, Math.Max(1, activity.Capacity / 5));
                }
            }
            if (_rng.NextDouble() >= 0.33)
            {
                continue;
            }
            var pool = partnershipsByRegion[activity.RegionId];
            var first = pool[_rng.Next(pool.Length)];
            var role = activity.Kind == ActivityKind.StudyVisit ? ContributorRole.Host : ContributorRole.CoDeliverer;
            contributors.Row(activity.Id, first.Id, role, null, null, Words.Pick(_rng, Contributions), activity.StartsAt.AddDays(-30));
            if (_rng.NextDouble() < 0.5)
            {
                var second = pool[_rng.Next(pool.Length)];
                contributors.Row(activity.Id, second.Id, ContributorRole.Presenter, null, $"{Words.Pick(_rng, Words.FirstNames)} {Words.Pick(_rng, Words.LastNames)}",
                    Words.Pick(_rng, Contributions), activity.StartsAt.AddDays(-30));
            }
        }
    }
}
