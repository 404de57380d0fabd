using LspCapacity.Web.Domain.Proposals;
using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>
/// Each region's programme board: a few practitioner members, six monthly meetings held before the anchor with
/// five decisions each (approved with a budget, deferred, declined, merged into a later proposal) and one meeting
/// a fortnight on with an agenda. It decides the region's open proposals (made by the proposals generator when it
/// has run first); a region with too few gets board proposals of its own.
/// </summary>
public static class BoardGenerator
{
    private const int PastMeetings = 6;
    private const int DecisionsPerMeeting = 5;
    private const int UpcomingAgenda = 4;
    private const int MembersPerRegion = 4;

    private sealed class ProposalRow(int id, int regionId, int partnershipId)
    {
        public int Id { get; } = id;
        public int RegionId { get; } = regionId;
        public int PartnershipId { get; } = partnershipId;
        public ProposalStatus Status { get; set; } = ProposalStatus.Open;
        public DateTime? DecidedAt { get; set; }
        public decimal? Budget { get; set; }
        public int? MergedIntoId { get; set; }
        public bool Changed { get; set; }
    }

    public static void Add(SqliteConnection connection, SqliteTransaction transaction, Random rng, DateTime anchor,
        IReadOnlyList<(string Id, int RegionId, int PartnershipId)> staff, IReadOnlyList<int> themeIds)
    {
        List<object[]> Read(string sql, int columns)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<object[]>();
            while (reader.Read())
            {
                var row = new object[columns];
                reader.GetValues(row);
                rows.Add(row);
            }
            return rows;
        }
        var coordinators = Read("SELECT RegionId, Id FROM AspNetUsers WHERE Role = 'Coordinator' AND RegionId IS NOT NULL", 2)
            .GroupBy(r => Convert.ToInt32(r[0])).ToDictionary(g => g.Key, g => (string)g.First()[1]);
        var programmes = Read("SELECT RegionId, MIN(Id) FROM Programmes GROUP BY RegionId", 2)
            .ToDictionary(r => Convert.ToInt32(r[0]), r => Convert.ToInt32(r[1]));
        var proposals = Read("SELECT Id, RegionId, PartnershipId FROM Proposals WHERE Status = 'Open'", 3)
            .Select(r => new ProposalRow(Convert.ToInt32(r[0]), Convert.ToInt32(r[1]), Convert.ToInt32(r[2]))).ToList();
        var nextProposalId = Convert.ToInt32(Read("SELECT COALESCE(MAX(Id), 0) FROM Proposals", 1)[0][0]);
        var staffByRegion = staff.GroupBy(s => s.RegionId).ToDictionary(g => g.Key, g => g.ToArray());

        using var newProposals = new BulkInsert(connection, transaction, "Proposals", "Id", "RegionId", "ProgrammeId", "PartnershipId", "ProposedById",
            "Kind", "Title", "Need", "WhoWouldCome", "HostOffer", "RoughCost", "Status", "CreatedAt", "UpdatedAt");
        using var proposalThemes = new BulkInsert(connection, transaction, "ProposalTheme", "ProposalId", "ThemeId");
        using var members = new BulkInsert(connection, transaction, "BoardMembers", "RegionId", "UserId", "AppointedById", "Since");
        using var meetings = new BulkInsert(connection, transaction, "BoardMeetings", "Id", "RegionId", "StartsAt", "Place", "Papers", "Status",
            "CreatedById", "CreatedAt");
        using var agenda = new BulkInsert(connection, transaction, "BoardAgendaItems", "MeetingId", "ProposalId", "StatusBefore", "Position", "AddedAt");
        using var decisions = new BulkInsert(connection, transaction, "BoardDecisions", "MeetingId", "ProposalId", "Outcome", "Budget", "MergedIntoId",
            "Reasons", "RecordedById", "RecordedAt");

        var meetingId = Convert.ToInt32(Read("SELECT COALESCE(MAX(Id), 0) FROM BoardMeetings", 1)[0][0]);
        var needed = PastMeetings * DecisionsPerMeeting + UpcomingAgenda + 10;
        foreach (var (regionId, coordinator) in coordinators)
        {
            if (!staffByRegion.TryGetValue(regionId, out var people) || !programmes.TryGetValue(regionId, out var programmeId))
            {
                continue;
            }
            foreach (var member in people.OrderBy(_ => rng.Next()).Take(MembersPerRegion))
            {
                members.Row(regionId, member.Id, coordinator, anchor.AddDays(-400));
            }
            var pool = proposals.Where(p => p.RegionId == regionId).ToList();
            while (pool.Count < needed)
            {
                var by = people[rng.Next(people.Length)];
                var row = new ProposalRow(++nextProposalId, regionId, by.PartnershipId);
                var created = anchor.AddDays(-200 - rng.Next(100));
                newProposals.Row(row.Id, regionId, programmeId, by.PartnershipId, by.Id, (ProposalKind)(1 + rng.Next(6)),
                    $"Board proposal {row.Id}: {Words.Pick(rng, Words.Places)} {Words.Pick(rng, Words.Organisations)}",
                    "Partnerships asked for help with this in the needs analysis.", "Officers of the partnerships", HostOffer.None,
                    500m + 100 * rng.Next(30), "Open", created, created);
                proposalThemes.Row(row.Id, themeIds[rng.Next(themeIds.Count)]);
                pool.Add(row);
            }
            var waiting = new Queue<ProposalRow>(pool.OrderBy(_ => rng.Next()));
            for (var m = PastMeetings; m >= 1; m--)
            {
                var startsAt = anchor.Date.AddDays(-30 * m).AddHours(14);
                meetingId++;
                meetings.Row(meetingId, regionId, startsAt, "Government Office, Board Room", "Minutes, proposals and the budget position.", "Held",
                    coordinator, startsAt.AddDays(-21));
                for (var i = 0; i < DecisionsPerMeeting && waiting.Count > 1; i++)
                {
                    var proposal = waiting.Dequeue();
                    agenda.Row(meetingId, proposal.Id, proposal.Status.ToString(), i + 1, startsAt.AddDays(-14));
                    var outcome = rng.NextDouble() switch
                    {
                        < 0.4 => DecisionOutcome.Approved,
                        < 0.65 => DecisionOutcome.Deferred,
                        < 0.85 => DecisionOutcome.Declined,
                        _ => DecisionOutcome.Merged,
                    };
                    var recordedAt = startsAt.AddHours(2);
                    var into = outcome == DecisionOutcome.Merged ? waiting.Peek() : null;
                    decimal? budget = outcome == DecisionOutcome.Approved ? 1000m + 250 * rng.Next(20) : null;
                    decisions.Row(meetingId, proposal.Id, outcome, budget, into?.Id,
                        $"The board weighed the endorsements and the need evidence: {outcome.ToString().ToLowerInvariant()}.", coordinator, recordedAt);
                    proposal.Changed = true;
                    proposal.Status = outcome switch
                    {
                        DecisionOutcome.Approved => ProposalStatus.Approved,
                        DecisionOutcome.Deferred => ProposalStatus.Deferred,
                        DecisionOutcome.Declined => ProposalStatus.Declined,
                        _ => ProposalStatus.Merged,
                    };
                    proposal.DecidedAt = outcome == DecisionOutcome.Deferred ? null : recordedAt;
                    proposal.Budget = budget;
                    proposal.MergedIntoId = into?.Id;
                    if (outcome == DecisionOutcome.Deferred)
                    {
                        waiting.Enqueue(proposal); // back at a later meeting
                    }
                }
            }
            meetingId++;
            var next = anchor.Date.AddDays(14).AddHours(14);
            meetings.Row(meetingId, regionId, next, "Government Office, Board Room", "Minutes and the proposals on the agenda.", "Scheduled",
                coordinator, anchor.AddDays(-7));
            for (var i = 0; i < UpcomingAgenda && waiting.Count > 0; i++)
            {
                var proposal = waiting.Dequeue();
                agenda.Row(meetingId, proposal.Id, proposal.Status.ToString(), i + 1, anchor.AddDays(-7));
                proposal.Status = ProposalStatus.OnAgenda;
                proposal.Changed = true;
            }
            foreach (var proposal in pool.Where(p => p.Changed))
            {
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE Proposals SET Status = $status, DecidedAt = $decided, ApprovedBudget = $budget, MergedIntoId = $into WHERE Id = $id";
                update.Parameters.AddWithValue("$status", proposal.Status.ToString());
                update.Parameters.AddWithValue("$decided", (object?)proposal.DecidedAt ?? DBNull.Value);
                update.Parameters.AddWithValue("$budget", (object?)proposal.Budget ?? DBNull.Value);
                update.Parameters.AddWithValue("$into", (object?)proposal.MergedIntoId ?? DBNull.Value);
                update.Parameters.AddWithValue("$id", proposal.Id);
                update.ExecuteNonQuery();
            }
        }
    }
}
