using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>
/// The provider register nationally: for each region a set of partner organisations (a council, a primary care
/// trust, police, fire and rescue, a voluntary sector body) with secondee, expert peer and free offers, and
/// independent providers (consultancies, universities, a national improvement body) that work in several
/// regions, each with two to four offers across the kinds, about a quarter of them free.
/// </summary>
public static class ProvidersGenerator
{
    private static readonly (string Kind, string Suffix)[] PartnerKinds =
    [
        ("Council", "Council"), ("PrimaryCareTrust", "Primary Care Trust"), ("Police", "Police"), ("FireAndRescue", "Fire and Rescue Service"),
        ("VoluntarySector", "Council for Voluntary Service"),
    ];

    private static readonly (string Kind, string Name)[] Independents =
    [
        ("Consultancy", "Partnership Solutions"), ("Consultancy", "Civic Insight Consulting"), ("Consultancy", "Local Futures Associates"),
        ("Consultancy", "Governance Matters"), ("University", "Institute of Local Governance"), ("University", "Centre for Urban Policy"),
        ("NationalImprovementBody", "National Improvement Network"), ("Other", "Community Development Trust"),
    ];

    private static readonly string[] Kinds = ["Facilitation", "Consultancy", "Training", "Coaching", "ExpertPeer"];

    private static readonly string[] Titles =
    [
        "Board effectiveness review", "Performance framework workshop", "Coaching for LSP managers", "Community engagement toolkit training",
        "Facilitated away day", "Pooled budgets masterclass", "LAA refresh support", "Neighbourhood renewal peer support",
        "Evidence and intelligence clinic", "Scrutiny of partnership delivery",
    ];

    private static string Pick(Random rng, IReadOnlyList<string> words) => words[rng.Next(words.Count)];

    /// <summary>Adds the register; returns the number of organisations and offers.</summary>
    public static (int Organisations, int Offers) Add(SqliteConnection connection, SqliteTransaction transaction, Random rng,
        IReadOnlyList<(int Id, string Name)> regions, IReadOnlyList<int> themeIds, DateTime now)
    {
        var programmes = new Dictionary<int, int>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT RegionId, MAX(Id) FROM Programmes GROUP BY RegionId";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                programmes[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT Name FROM Organisations";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        int NextId(string table)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM \"{table}\"";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        using var organisations = new BulkInsert(connection, transaction, "Organisations", "Id", "Name", "Kind", "Website", "Description", "IsActive",
            "CreatedAt", "UpdatedAt");
        using var organisationRegions = new BulkInsert(connection, transaction, "OrganisationRegion", "OrganisationId", "RegionId");
        using var contacts = new BulkInsert(connection, transaction, "OrganisationContacts", "OrganisationId", "Name", "Email", "Phone", "Role");
        using var offers = new BulkInsert(connection, transaction, "Offers", "Id", "OrganisationId", "ProgrammeId", "Kind", "Title", "Description",
            "DayRate", "DaysAvailable", "SecondeeHomeOrganisationId", "ReleaseTerms", "IsWithdrawn", "CreatedAt", "UpdatedAt");
        using var offerThemes = new BulkInsert(connection, transaction, "OfferTheme", "OfferId", "ThemeId");
        using var offerRegions = new BulkInsert(connection, transaction, "OfferRegion", "OfferId", "RegionId");
        var organisationId = NextId("Organisations");
        var offerId = NextId("Offers");

        void Offer(int organisation, int programme, string kind, string title, decimal? rate, int days, IReadOnlyList<int> covers,
            int? home = null, string? terms = null, bool withdrawn = false)
        {
            offerId++;
            offers.Row(offerId, organisation, programme, kind, title, $"{title}, for partnership boards and their officers.", rate, days, home, terms,
                withdrawn, now, now);
            foreach (var theme in themeIds.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)))
            {
                offerThemes.Row(offerId, theme);
            }
            foreach (var region in covers)
            {
                offerRegions.Row(offerId, region);
            }
        }

        int Organisation(string name, string kind, IReadOnlyList<int> works)
        {
            organisationId++;
            organisations.Row(organisationId, name, kind, $"https://www.{new string(name.ToLowerInvariant().Where(char.IsLetter).Take(20).ToArray())}.example",
                $"{name}: support for Local Strategic Partnerships.", true, now, now);
            foreach (var region in works)
            {
                organisationRegions.Row(organisationId, region);
            }
            contacts.Row(organisationId, Pick(rng, Words.FirstNames) + " " + Pick(rng, Words.LastNames),
                $"contact{organisationId}@providers.example", null, "Partnerships lead");
            names.Add(name);
            return organisationId;
        }

        foreach (var (regionId, regionName) in regions)
        {
            if (!programmes.TryGetValue(regionId, out var programme))
            {
                continue;
            }
            foreach (var (kind, suffix) in PartnerKinds)
            {
                var name = $"{regionName} {suffix}";
                if (names.Contains(name))
                {
                    continue;
                }
                var id = Organisation(name, kind, [regionId]);
                Offer(id, programme, "Secondee", "Officer on secondment", null, rng.Next(20, 120), [regionId], id,
                    "Up to two days a week for six months; the home organisation keeps paying salary.");
                Offer(id, programme, "ExpertPeer", "Expert peer for reviews", null, rng.Next(5, 20), [regionId]);
            }
        }
        var all = regions.Select(r => r.Id).Where(programmes.ContainsKey).ToList();
        for (var i = 0; i < regions.Count; i++)
        {
            foreach (var (kind, baseName) in Independents)
            {
                var name = $"{baseName} ({regions[i].Name})";
                if (names.Contains(name) || !programmes.TryGetValue(regions[i].Id, out var programme))
                {
                    continue;
                }
                var works = all.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).Append(regions[i].Id).Distinct().ToList();
                var id = Organisation(name, kind, works);
                for (var j = rng.Next(2, 5); j > 0; j--)
                {
                    var free = rng.Next(4) == 0;
                    Offer(id, programme, Pick(rng, Kinds), Pick(rng, Titles), free ? null : 250 + 50 * rng.Next(0, 12), rng.Next(3, 40), works,
                        withdrawn: rng.Next(20) == 0);
                }
            }
        }
        return (organisations.Rows, offers.Rows);
    }
}
