using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>
/// Brokerage at national scale: a broker per region, a register of providers per region with one offer each, and per
/// partnership requests that cycle through every state (received, recommended, asked again, accepted, delivered, rated,
/// withdrawn) with the commitments of the accepted ones, committed against each region's programme budget.
/// </summary>
public sealed partial class NationalDataGenerator
{
    private const int ProvidersPerRegion = 12;
    private const int RequestsPerPartnership = 3;

    private static readonly BrokerageRequestStatus[] RequestCycle =
    [
        BrokerageRequestStatus.Received, BrokerageRequestStatus.Recommended, BrokerageRequestStatus.AskedAgain, BrokerageRequestStatus.Accepted,
        BrokerageRequestStatus.Delivered, BrokerageRequestStatus.Rated, BrokerageRequestStatus.Withdrawn,
    ];

    private void AddBrokerage(SqliteConnection connection, SqliteTransaction transaction)
    {
        var today = DateOnly.FromDateTime(anchor);
        var programmes = new Dictionary<int, int>();
        string? brokerRoleId = null;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT RegionId, Id FROM Programmes ORDER BY StartsOn, Id";
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    programmes[reader.GetInt32(0)] = reader.GetInt32(1); // the latest to start wins
                }
            }
            command.CommandText = $"SELECT Id FROM AspNetRoles WHERE Name = '{Roles.Broker}'";
            brokerRoleId = command.ExecuteScalar() as string;
        }
        if (brokerRoleId is null)
        {
            return;
        }

        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        using var users = new BulkInsert(connection, transaction, "AspNetUsers", "Id", "DisplayName", "Organisation", "RegionId",
            "PartnershipId", "IsActive", "CreatedAt", "Role", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
            "LockoutEnabled", "AccessFailedCount");
        using var userRoles = new BulkInsert(connection, transaction, "AspNetUserRoles", "UserId", "RoleId");
        using var organisations = new BulkInsert(connection, transaction, "Organisations", "Id", "Name", "Kind", "IsActive", "CreatedAt", "UpdatedAt");
        using var offers = new BulkInsert(connection, transaction, "Offers", "Id", "OrganisationId", "ProgrammeId", "Kind", "Title", "Description",
            "DayRate", "DaysAvailable", "IsWithdrawn", "CreatedAt", "UpdatedAt");
        using var offerThemes = new BulkInsert(connection, transaction, "OfferTheme", "OfferId", "ThemeId");
        using var offerRegions = new BulkInsert(connection, transaction, "OfferRegion", "OfferId", "RegionId");
        using var interests = new BulkInsert(connection, transaction, "BrokerInterests", "BrokerId", "OrganisationId", "Note", "DeclaredAt");
        using var requests = new BulkInsert(connection, transaction, "BrokerageRequests", "Id", "RegionId", "PartnershipId", "RequestedById",
            "NeedThemeId", "What", "WantedBy", "BudgetCeiling", "Status", "CreatedAt", "UpdatedAt", "BrokerId", "OfferId", "OrganisationId", "Days",
            "DayRate", "Reasoning", "QuotesCompared", "ValidUntil", "RecommendedAt", "DecidedById", "DecidedAt", "AskedAgainReason", "WithdrawnAt");
        using var commitments = new BulkInsert(connection, transaction, "Commitments", "ProgrammeId", "RegionId", "PartnershipId", "OrganisationId",
            "OfferId", "RequestId", "Days", "DayRate", "CommittedCost", "Status", "DeliveredOn", "DaysUsed", "ActualCost", "Rating", "RatingComment",
            "CreatedAt");
        using var totals = connection.CreateCommand();
        totals.Transaction = transaction;
        totals.CommandText = "UPDATE Programmes SET BrokeredTotal = $total WHERE Id = $id";
        var totalParameter = totals.Parameters.Add(new SqliteParameter("$total", 0m));
        var idParameter = totals.Parameters.Add(new SqliteParameter("$id", 0));

        var staffByPartnership = _staff.GroupBy(s => s.PartnershipId!.Value).ToDictionary(g => g.Key, g => g.First());
        var kinds = Enum.GetValues<OfferKind>();
        // After what the register and earlier steps wrote (ids are given, not generated, in bulk inserts).
        int MaxId(string table)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM \"{table}\"";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        int organisationId = MaxId("Organisations"), offerId = MaxId("Offers"), requestId = MaxId("BrokerageRequests");
        foreach (var region in _regions)
        {
            if (!programmes.TryGetValue(region.Id, out var programmeId))
            {
                continue;
            }
            var now = anchor.AddDays(-200);
            var brokerId = NextGuid().ToString();
            var email = $"broker.{region.Code}@{EmailDomain}";
            users.Row(brokerId, $"{Words.Pick(_rng, Words.FirstNames)} {Words.Pick(_rng, Words.LastNames)}", "Independent broker", region.Id, null, true,
                anchor.AddDays(-500), Roles.Broker, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, hash, Stamp(),
                NextGuid().ToString(), false, false, true, 0);
            userRoles.Row(brokerId, brokerRoleId);

            var register = new List<(int OfferId, int OrganisationId, decimal? Rate)>();
            for (var i = 0; i < ProvidersPerRegion; i++)
            {
                organisationId++;
                offerId++;
                var kind = kinds[i % kinds.Length];
                organisations.Row(organisationId, $"{region.Name} {Words.Pick(_rng, Words.Organisations)} {i + 1}", (OrganisationKind)(1 + i % 9), true, now, now);
                decimal? rate = kind == OfferKind.Secondee ? null : 300 + 50 * _rng.Next(0, 9);
                offers.Row(offerId, organisationId, programmeId, kind, $"{kind} on {Words.Pick(_rng, Words.Places)} priorities", "", rate,
                    10 + _rng.Next(0, 40), false, now, now);
                foreach (var theme in _themeIds.OrderBy(_ => _rng.Next()).Take(2))
                {
                    offerThemes.Row(offerId, theme);
                }
                offerRegions.Row(offerId, region.Id);
                register.Add((offerId, organisationId, rate));
            }
            interests.Row(brokerId, register[0].OrganisationId, "A former employer.", now);

            decimal brokered = 0;
            var cycle = 0;
            foreach (var partnership in _partnerships.Where(p => p.RegionId == region.Id))
            {
                if (!staffByPartnership.TryGetValue(partnership.Id, out var staff))
                {
                    continue;
                }
                for (var r = 0; r < RequestsPerPartnership; r++, cycle++)
                {
                    requestId++;
                    var status = RequestCycle[cycle % RequestCycle.Length];
                    var asked = anchor.AddDays(-_rng.Next(10, 150));
                    var (offer, organisation, rate) = register[1 + _rng.Next(0, register.Count - 1)]; // never the declared one
                    var recommended = status is not (BrokerageRequestStatus.Received or BrokerageRequestStatus.Withdrawn);
                    var days = (decimal)_rng.Next(1, 6);
                    var dayRate = rate ?? 0;
                    var decided = status is BrokerageRequestStatus.AskedAgain or BrokerageRequestStatus.Accepted or BrokerageRequestStatus.Delivered
                        or BrokerageRequestStatus.Rated;
                    requests.Row(requestId, region.Id, partnership.Id, staff.Id, _themeIds[_rng.Next(_themeIds.Count)],
                        $"Bespoke support for {partnership.Name}: {Words.Pick(_rng, Words.Places)} priorities", DateOnly.FromDateTime(asked).AddDays(60),
                        3000m, status, asked, asked.AddDays(3),
                        recommended ? brokerId : null, recommended ? offer : null, recommended ? organisation : null, recommended ? days : null,
                        recommended ? dayRate : null, recommended ? "Best fit and cost on the shortlist." : null, recommended ? "Two other quotes compared." : null,
                        recommended ? DateOnly.FromDateTime(asked).AddDays(30) : null, recommended ? asked.AddDays(2) : null,
                        decided ? staff.Id : null, decided ? asked.AddDays(3) : null,
                        status == BrokerageRequestStatus.AskedAgain ? "We would prefer a partner organisation." : null,
                        status == BrokerageRequestStatus.Withdrawn ? asked.AddDays(3) : null);
                    if (status is BrokerageRequestStatus.Accepted or BrokerageRequestStatus.Delivered or BrokerageRequestStatus.Rated)
                    {
                        var committedCost = days * dayRate;
                        var delivered = status != BrokerageRequestStatus.Accepted;
                        var actual = delivered ? committedCost * (0.8m + 0.1m * _rng.Next(0, 4)) : (decimal?)null;
                        commitments.Row(programmeId, region.Id, partnership.Id, organisation, offer, requestId, days, dayRate, committedCost,
                            delivered ? CommitmentStatus.Delivered : CommitmentStatus.Committed, delivered ? today.AddDays(-_rng.Next(1, 60)) : null,
                            delivered ? days : null, actual, status == BrokerageRequestStatus.Rated ? 1 + _rng.Next(0, 5) : null,
                            status == BrokerageRequestStatus.Rated ? "Useful." : null, asked.AddDays(3));
                        brokered += actual ?? committedCost;
                    }
                }
            }
            totalParameter.Value = brokered;
            idParameter.Value = programmeId;
            totals.ExecuteNonQuery();
        }
    }
}
