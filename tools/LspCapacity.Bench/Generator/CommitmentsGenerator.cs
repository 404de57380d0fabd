using LspCapacity.Web.Domain.Brokerage;
using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>
/// Brokered commitments for every region's programme (issue 20: fair shares, value for money). Uses the
/// organisations and offers already generated (the provider register's generator) when there are any, else adds a
/// dozen of its own; adds nothing when commitments exist already (the brokerage generator made them).
/// About a third of the partnerships get one to three pieces of work: two in three delivered, most of those rated.
/// </summary>
public sealed partial class NationalDataGenerator
{
    private static readonly (string Name, OrganisationKind Kind, OfferKind Offer, decimal DayRate)[] Providers =
    [
        ("Local Governance Research Unit", OrganisationKind.University, OfferKind.Facilitation, 480m),
        ("Improvement and Development Partners", OrganisationKind.NationalImprovementBody, OfferKind.Training, 350m),
        ("Partnership Performance Consulting", OrganisationKind.Consultancy, OfferKind.Consultancy, 650m),
        ("Community Engagement Associates", OrganisationKind.Consultancy, OfferKind.Coaching, 550m),
        ("County Fire and Rescue Service", OrganisationKind.FireAndRescue, OfferKind.Secondee, 180m),
        ("Primary Care Trust Commissioning Team", OrganisationKind.PrimaryCareTrust, OfferKind.ExpertPeer, 300m),
        ("Police Partnerships Unit", OrganisationKind.Police, OfferKind.Secondee, 200m),
        ("Council for Voluntary Service", OrganisationKind.VoluntarySector, OfferKind.Facilitation, 250m),
    ];

    private void AddCommitments(SqliteConnection connection, SqliteTransaction transaction, DateTime anchor)
    {
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM \"Commitments\"") > 0)
        {
            return;
        }
        var programmes = Rows(connection, transaction, "SELECT \"Id\", \"RegionId\" FROM \"Programmes\"", r => (Id: r.GetInt32(0), RegionId: r.GetInt32(1)));
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM \"Organisations\"") == 0)
        {
            using var organisations = new BulkInsert(connection, transaction, "Organisations", "Name", "Kind", "IsActive", "CreatedAt", "UpdatedAt");
            foreach (var p in Providers)
            {
                organisations.Row(p.Name, p.Kind, true, anchor.AddDays(-400), anchor.AddDays(-400));
            }
        }
        var orgs = Rows(connection, transaction, "SELECT \"Id\", \"Name\" FROM \"Organisations\" ORDER BY \"Id\"", r => (Id: r.GetInt32(0), Name: r.GetString(1)));
        var offers = Rows(connection, transaction, "SELECT \"Id\", \"OrganisationId\", \"ProgrammeId\", \"Kind\", \"DayRate\" FROM \"Offers\"",
            r => (Id: r.GetInt32(0), OrganisationId: r.GetInt32(1), ProgrammeId: r.GetInt32(2), Kind: r.GetString(3), DayRate: r.IsDBNull(4) ? (decimal?)null : r.GetDecimal(4)));
        if (offers.Count == 0)
        {
            using var insert = new BulkInsert(connection, transaction, "Offers", "OrganisationId", "ProgrammeId", "Kind", "Title", "Description", "DayRate",
                "DaysAvailable", "IsWithdrawn", "CreatedAt", "UpdatedAt");
            foreach (var programme in programmes)
            {
                foreach (var (org, i) in orgs.Select((o, i) => (o, i)))
                {
                    var p = Providers[i % Providers.Length];
                    insert.Row(org.Id, programme.Id, p.Offer, $"{p.Offer} from {org.Name}", "", p.DayRate, 60, false, anchor.AddDays(-300), anchor.AddDays(-300));
                }
            }
            offers = Rows(connection, transaction, "SELECT \"Id\", \"OrganisationId\", \"ProgrammeId\", \"Kind\", \"DayRate\" FROM \"Offers\"",
                r => (Id: r.GetInt32(0), OrganisationId: r.GetInt32(1), ProgrammeId: r.GetInt32(2), Kind: r.GetString(3), DayRate: r.IsDBNull(4) ? (decimal?)null : r.GetDecimal(4)));
        }

        var offersByProgramme = offers.ToLookup(o => o.ProgrammeId);
        var anchorDay = DateOnly.FromDateTime(anchor);
        using var commitments = new BulkInsert(connection, transaction, "Commitments", "ProgrammeId", "RegionId", "PartnershipId", "OrganisationId", "OfferId",
            "Days", "DayRate", "CommittedCost", "Status", "DeliveredOn", "DaysUsed", "ActualCost", "Rating", "CreatedAt");
        foreach (var programme in programmes)
        {
            var available = offersByProgramme[programme.Id].ToList();
            if (available.Count == 0)
            {
                continue;
            }
            foreach (var partnership in _partnerships.Where(p => p.RegionId == programme.RegionId && _rng.Next(3) == 0))
            {
                for (var n = 1 + _rng.Next(3); n > 0; n--)
                {
                    var offer = available[_rng.Next(available.Count)];
                    var days = (decimal)(1 + _rng.Next(10));
                    var rate = offer.DayRate ?? 0m;
                    var created = anchor.AddDays(-_rng.Next(20, 200));
                    if (_rng.Next(3) < 2)
                    {
                        var used = Math.Max(0.5m, days - _rng.Next(3) * 0.5m);
                        commitments.Row(programme.Id, programme.RegionId, partnership.Id, offer.OrganisationId, offer.Id, days, rate, days * rate,
                            CommitmentStatus.Delivered, anchorDay.AddDays(-_rng.Next(1, 20)), used, used * rate, _rng.Next(5) == 0 ? null : 1 + _rng.Next(5), created);
                    }
                    else
                    {
                        commitments.Row(programme.Id, programme.RegionId, partnership.Id, offer.OrganisationId, offer.Id, days, rate, days * rate,
                            CommitmentStatus.Committed, null, null, null, null, created);
                    }
                }
            }
        }
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<T> Rows<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
