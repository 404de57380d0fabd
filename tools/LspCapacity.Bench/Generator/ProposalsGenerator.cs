using LspCapacity.Web.Domain.Proposals;
using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>Practitioners' proposals: one or two per partnership, endorsed by other partnerships of its region (often by several of their staff).</summary>
public sealed partial class NationalDataGenerator
{
    private void AddProposals(SqliteConnection connection, SqliteTransaction transaction)
    {
        var programmeByRegion = new Dictionary<int, int>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id, RegionId FROM Programmes ORDER BY StartsOn";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                programmeByRegion[reader.GetInt32(1)] = reader.GetInt32(0);
            }
        }
        var staffByPartnership = _staff.GroupBy(s => s.PartnershipId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var partnershipsByRegion = _partnerships.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        var kinds = Enum.GetValues<ProposalKind>();

        using var proposals = new BulkInsert(connection, transaction, "Proposals", "Id", "RegionId", "ProgrammeId", "PartnershipId", "ProposedById",
            "Kind", "Title", "Need", "WhoWouldCome", "HostOffer", "RoughCost", "Status", "CreatedAt", "UpdatedAt", "DecidedAt", "ApprovedBudget");
        using var themes = new BulkInsert(connection, transaction, "ProposalTheme", "ProposalId", "ThemeId");
        using var endorsements = new BulkInsert(connection, transaction, "ProposalEndorsements", "ProposalId", "PartnershipId", "UserId", "Kinds",
            "Comment", "CreatedAt");
        var id = 0;
        foreach (var partnership in _partnerships)
        {
            if (!programmeByRegion.TryGetValue(partnership.RegionId, out var programmeId)
                || !staffByPartnership.TryGetValue(partnership.Id, out var staff))
            {
                continue;
            }
            for (var n = 1 + _rng.Next(2); n > 0; n--)
            {
                id++;
                var proposer = staff[_rng.Next(staff.Length)];
                var created = anchor.AddDays(-_rng.Next(1, 180));
                var status = Roll(0.6, ProposalStatus.Open, 0.1, ProposalStatus.OnAgenda,
                    Roll(0.35, ProposalStatus.Deferred, 0.35, ProposalStatus.Approved, ProposalStatus.Declined));
                var decided = status is ProposalStatus.Approved or ProposalStatus.Declined ? created.AddDays(30) : (DateTime?)null;
                var cost = _rng.NextDouble() < 0.7 ? (decimal?)(200 + _rng.Next(40) * 50) : null;
                var kind = kinds[_rng.Next(kinds.Length)];
                proposals.Row(id, partnership.RegionId, programmeId, partnership.Id, proposer.Id, kind,
                    $"{Words.Pick(_rng, Words.Verbs)} {Words.Pick(_rng, Words.Subjects)} {Words.Pick(_rng, Words.ActivityTopics)}",
                    Words.Paragraph(_rng, 3), "Partnership managers and theme leads; about twenty people.",
                    (HostOffer)_rng.Next(3), cost, status, created, decided ?? created, decided,
                    status == ProposalStatus.Approved ? cost ?? 1000m : null);
                foreach (var theme in _themeIds.OrderBy(_ => _rng.Next()).Take(1 + _rng.Next(3)))
                {
                    themes.Row(id, theme);
                }
                // Up to a dozen other partnerships of the region endorse; a third of them through two of their staff.
                var others = partnershipsByRegion[partnership.RegionId].Where(p => p.Id != partnership.Id).OrderBy(_ => _rng.Next()).Take(_rng.Next(13));
                foreach (var other in others)
                {
                    if (!staffByPartnership.TryGetValue(other.Id, out var theirStaff))
                    {
                        continue;
                    }
                    var endorsers = theirStaff.OrderBy(_ => _rng.Next()).Take(_rng.NextDouble() < 0.33 ? 2 : 1);
                    foreach (var person in endorsers)
                    {
                        var said = (EndorsementKinds)(1 + _rng.Next(7));
                        endorsements.Row(id, other.Id, person.Id, (int)said, _rng.NextDouble() < 0.4 ? Words.Paragraph(_rng, 1) : null,
                            new[] { created.AddDays(_rng.Next(1, 20)), anchor }.Min());
                    }
                }
            }
        }
    }
}
