using System.Diagnostics;
using ActivityKind = LspCapacity.Web.Domain.Activities.ActivityKind;
using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Email;
using LspCapacity.Web.Pages.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LspCapacity.Bench.Generator;

/// <summary>How big a data set to make.</summary>
public sealed record Scale(int Partnerships, int People, int Activities, int Bookings, int ExtraSurveyQuestions,
    int Placements, int SessionsPerPlacement, int CaseStudies, int SentEmails, int Reviews)
{
    /// <summary>England: nine regions, about 360 LSPs.</summary>
    public static readonly Scale National = new(360, 10_000, 5_000, 200_000, 10, 3_000, 10, 2_000, 100_000, 400);

    /// <summary>A few seconds to generate: for trying the tooling out.</summary>
    public static readonly Scale Small = new(60, 1_000, 500, 20_000, 10, 300, 10, 200, 10_000, 40);

    public static Scale Named(string name) => name switch
    {
        "national" => National,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown scale '{name}': national or small."),
    };
}

/// <summary>
/// Generates a deterministic data set (the same seed and anchor date give the same rows) into a new
/// SQLite file. The schema comes from the app's own migrations and the reference data from its
/// Seeder (roles, the West Midlands and its 38 LSPs, the themes); surveys are built from the app's
/// needs template through the domain. Everything large is then loaded with prepared raw inserts, one
/// transaction per table, so the national scale loads in well under a minute.
///
/// Each kind of record is one step method called from <see cref="RunAsync"/>; a new kind of record is
/// a new step beside the others.
/// </summary>
public sealed partial class NationalDataGenerator(string databasePath, Scale scale, int seed, DateTime anchor, string seedFolder, TextWriter log)
{
    /// <summary>Every generated account signs in with this (the app's default demo password).</summary>
    public const string Password = "Capacity-2006!";

    public const string EmailDomain = "national.example";

    /// <summary>The share of peer reviews at each stage, in percent: more early or in progress than closed.</summary>
    private static readonly (ReviewStage Stage, int Percent)[] ReviewMix =
    [
        (ReviewStage.Scoping, 14), (ReviewStage.SelfAssessment, 16), (ReviewStage.OnSite, 12), (ReviewStage.Findings, 12),
        (ReviewStage.ReportAgreed, 10), (ReviewStage.ActionPlan, 16), (ReviewStage.FollowUp, 8), (ReviewStage.Closed, 12),
    ];

    private readonly Random _rng = new(seed);
    private readonly List<RegionRow> _regions = [];
    private readonly List<PartnershipRow> _partnerships = [];
    private readonly List<int> _themeIds = [];
    private readonly List<PersonRow> _staff = [];
    private readonly List<PersonRow> _mentors = [];
    private readonly List<ActivityRow> _activities = [];
    private readonly List<(int Id, int ActivityId, string PersonId, DateTime CreatedAt, BookingStatus Status)> _confirmed = [];
    private readonly List<(int SurveyId, int RegionId, bool FollowUp, List<(int Id, int? ThemeId, QuestionKind Kind, List<string> Options)> Questions)> _surveys = [];

    public async Task RunAsync()
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }

        await Step("schema (migrations) and seed/ reference data", CreateSchemaAndReferenceDataAsync);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;");
        LoadReferenceData(connection);

        await Step("regions, programmes and partnerships", () => InTransaction(connection, AddRegionsAndPartnerships));
        await Step("surveys from the needs template", AddSurveysAsync);
        await Step("people", () => InTransaction(connection, AddPeople));
        await Step("activities", () => InTransaction(connection, AddActivities));
        await Step("bookings", () => InTransaction(connection, AddBookings));
        await Step("survey responses", () => InTransaction(connection, AddSurveyResponses));
        await Step("mentors and placements", () => InTransaction(connection, AddPlacements));
        await Step("case studies (FTS5 index kept by the Library migration's triggers)", () => InTransaction(connection, AddCaseStudies));
        await Step("sent email", () => InTransaction(connection, AddSentEmail));
        await Step("peer reviews", () => InTransaction(connection, AddReviews));
        await Step("improvement projects, their updates and the support linked to them", () => InTransaction(connection, AddProjects));
        await Step("the provider register: organisations and offers", () => InTransaction(connection, (c, t) =>
            ProvidersGenerator.Add(c, t, _rng, _regions.Select(r => (r.Id, r.Name)).ToList(), _themeIds, anchor)));
        await Step("brokered commitments (fair shares, value for money)", () => InTransaction(connection, (c, t) => AddCommitments(c, t, anchor)));
        await Step("practitioners' proposals and their endorsements", () => InTransaction(connection, AddProposals));
        await Step("programme boards: members, meetings, agendas and decisions", () => InTransaction(connection, (c, t) =>
            BoardGenerator.Add(c, t, _rng, anchor, _staff.Select(s => (s.Id, s.RegionId, s.PartnershipId!.Value)).ToList(), _themeIds)));
        // Each programme takes part with every theme and its region's partnerships, as the seed's programmes do.
        await Step("programme members", () => InTransaction(connection, (c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "UPDATE Programmes SET ThemeIds = (SELECT json_group_array(Id) FROM Themes), " +
                "PartnershipIds = (SELECT json_group_array(Id) FROM Partnerships p WHERE p.RegionId = Programmes.RegionId) WHERE ThemeIds = '[]'";
            command.ExecuteNonQuery();
        }));
        await Step("co-delivering partnerships and national showcases", () => InTransaction(connection, AddCoDelivery));
        await Step("brokerage: brokers, a register per region, requests in every state and commitments", () => InTransaction(connection, AddBrokerage));
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        log.WriteLine($"Done in {total.Elapsed.TotalSeconds:F1} s: {databasePath} ({new FileInfo(databasePath).Length / 1024 / 1024} MB)");
    }

    private async Task Step(string name, Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        log.WriteLine($"  {name}: {watch.Elapsed.TotalSeconds:F1} s");
    }

    private Task Step(string name, Action step) => Step(name, () =>
    {
        step();
        return Task.CompletedTask;
    });

    private static void InTransaction(SqliteConnection connection, Action<SqliteConnection, SqliteTransaction> work)
    {
        using var transaction = connection.BeginTransaction();
        work(connection, transaction);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // --- Through the app: schema, seed/, surveys -------------------------------------------------

    private ServiceProvider AppServices()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IOutboxSignal, NoOutboxSignal>();
        // The app's own registration (its write gate and interceptors), so the generator cannot drift from it.
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddAppDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath};Pooling=False");
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        services.Configure<SeedOptions>(o =>
        {
            o.Enabled = true;
            o.DemoData = false;
            o.Folder = seedFolder;
        });
        services.AddScoped<Seeder>();
        services.AddScoped<NeedsTemplate>();
        return services.BuildServiceProvider();
    }

    private async Task CreateSchemaAndReferenceDataAsync()
    {
        await using var services = AppServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync();
    }

    private async Task AddSurveysAsync()
    {
        await using var services = AppServices();
        foreach (var region in _regions)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var template = scope.ServiceProvider.GetRequiredService<NeedsTemplate>();
            int? baselineId = null;
            foreach (var followUp in new[] { false, true })
            {
                var opens = followUp ? anchor.AddDays(-60) : anchor.AddDays(-420);
                var closes = opens.AddDays(30);
                var survey = await template.CreateSurveyAsync(region.Id,
                    followUp ? $"{region.Name} needs analysis: follow-up" : $"{region.Name} needs analysis: baseline",
                    followUp ? SurveyRound.FollowUp : SurveyRound.Baseline, baselineId, opens.AddDays(-7), CancellationToken.None);
                // The template has 30 questions; a few more per theme brings a response to about 40.
                var themed = survey.Sections.Where(s => s.ThemeId is not null).ToList();
                for (var i = 0; i < scale.ExtraSurveyQuestions; i++)
                {
                    themed[i % themed.Count].AddQuestion(QuestionKind.Rating,
                        $"Additional indicator {i + 1}: partners can show evidence of progress in this area.", required: false, help: null);
                }
                survey.Open(opens, closes, opens.AddDays(-1));
                survey.Close(closes);
                db.Surveys.Add(survey);
                await db.SaveChangesAsync();
                baselineId = survey.Id;
                _surveys.Add((survey.Id, region.Id, followUp, survey.Sections
                    .SelectMany(s => s.Questions.Select(q => (q.Id, s.ThemeId, q.Kind, q.Options.ToList()))).ToList()));
            }
        }
    }

    private sealed class NoOutboxSignal : IOutboxSignal
    {
        public void EmailQueued() { }
    }

    private void LoadReferenceData(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Code, Name FROM Regions ORDER BY Id";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                _regions.Add(new RegionRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        command.CommandText = "SELECT Id, RegionId, Name FROM Partnerships ORDER BY Id";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                _partnerships.Add(new PartnershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2)));
            }
        }
        command.CommandText = "SELECT Id FROM Themes ORDER BY Position";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                _themeIds.Add(reader.GetInt32(0));
            }
        }
    }

    // --- Raw bulk steps ---------------------------------------------------------------------------

    private void AddRegionsAndPartnerships(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var regions = new BulkInsert(connection, transaction, "Regions", "Id", "Code", "Name");
        foreach (var (code, name) in Words.Regions.Where(r => _regions.All(x => x.Code != r.Code)))
        {
            var id = _regions.Max(r => r.Id) + 1;
            regions.Row(id, code, name);
            _regions.Add(new RegionRow(id, code, name));
        }

        using var programmes = new BulkInsert(connection, transaction, "Programmes", "RegionId", "Name", "Aim", "StartsOn", "EndsOn", "Budget",
            "FairShares_Basis", "FairShares_HighNeedWeight", "FairShares_MediumNeedWeight", "FairShares_NrfUpliftPercent", "FairShares_FarBelowPercent",
            "BrokeredTotal", "ThemeIds", "PartnershipIds");
        var rule = LspCapacity.Web.Domain.Brokerage.FairShareRule.Default;
        foreach (var region in _regions.Skip(1))
        {
            programmes.Row(region.Id, $"{region.Name} LSP Capacity Building Programme 2006–07",
                $"To develop the capacity of {region.Name}'s Local Strategic Partnerships to deliver LAA and SCS outcomes.",
                new DateOnly(2006, 9, 1), new DateOnly(2007, 7, 31), 250_000m,
                rule.Basis, rule.HighNeedWeight, rule.MediumNeedWeight, rule.NrfUpliftPercent, rule.FarBelowPercent, 0m, "[]", "[]");
        }

        // The West Midlands keeps its real LSPs; the rest of the 360 are spread over the other regions.
        using var partnerships = new BulkInsert(connection, transaction, "Partnerships", "Id", "RegionId", "Name", "AreaType", "ReceivesNrf", "CountyId", "IsActive");
        var others = _regions.Skip(1).ToList();
        var toAdd = scale.Partnerships - _partnerships.Count;
        var names = new HashSet<string>();
        for (var i = 0; i < toAdd; i++)
        {
            var region = others[i % others.Count];
            string name;
            do
            {
                name = $"{Words.Pick(_rng, Words.Quarters)} {Words.Pick(_rng, Words.Places)}";
            }
            while (!names.Add($"{region.Id}:{name}"));
            var id = _partnerships.Max(p => p.Id) + 1;
            var areaType = (AreaType)(1 + _rng.Next(4));
            partnerships.Row(id, region.Id, name, areaType, _rng.NextDouble() < 0.2, null, true);
            _partnerships.Add(new PartnershipRow(id, region.Id, name));
        }
    }

    private void AddPeople(SqliteConnection connection, SqliteTransaction transaction)
    {
        // Hashing is deliberately slow (PBKDF2): hash once, share the hash.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var roleIds = new Dictionary<string, string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT Name, Id FROM AspNetRoles";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                roleIds[reader.GetString(0)] = reader.GetString(1);
            }
        }
        using var users = new BulkInsert(connection, transaction, "AspNetUsers", "Id", "DisplayName", "Organisation", "RegionId",
            "PartnershipId", "IsActive", "CreatedAt", "Role", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
            "LockoutEnabled", "AccessFailedCount");
        using var userRoles = new BulkInsert(connection, transaction, "AspNetUserRoles", "UserId", "RoleId");
        var count = 0;

        PersonRow Add(string email, string role, int? regionId, int? partnershipId, string? organisation)
        {
            var id = NextGuid().ToString();
            var name = $"{Words.Pick(_rng, Words.FirstNames)} {Words.Pick(_rng, Words.LastNames)}";
            users.Row(id, name, organisation, regionId, partnershipId, true, anchor.AddDays(-500), role, email,
                email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, hash, Stamp(), NextGuid().ToString(), false, false,
                true, 0);
            userRoles.Row(id, roleIds[role]);
            count++;
            return new PersonRow(id, email, name, regionId ?? 0, partnershipId);
        }

        Add($"admin@{EmailDomain}", Roles.Admin, null, null, "Government Office");
        // The national team (issue 21): no region, reads every one. Written with fixed values, not Add, so the
        // random draws (and with them the rest of the data set) stay as they were.
        const string nationalId = "00000000-0000-4000-8000-000000000021";
        var national = $"national@{EmailDomain}";
        users.Row(nationalId, "National Team", "National LSP team", null, null, true, anchor.AddDays(-500), Roles.National, national,
            national.ToUpperInvariant(), national, national.ToUpperInvariant(), true, hash, "NATIONALTEAMSECURITYSTAMP0000021", nationalId, false, false,
            true, 0);
        userRoles.Row(nationalId, roleIds[Roles.National]);
        count++;
        foreach (var region in _regions)
        {
            Add($"coordinator.{region.Code}@{EmailDomain}", Roles.Coordinator, region.Id, null, $"Government Office for the {region.Name}");
            Add($"coordinator2.{region.Code}@{EmailDomain}", Roles.Coordinator, region.Id, null, $"Government Office for the {region.Name}");
        }
        var mentorsPerRegion = Math.Max(1, scale.People / 250);
        foreach (var region in _regions)
        {
            for (var i = 0; i < mentorsPerRegion; i++)
            {
                _mentors.Add(Add($"mentor{_mentors.Count + 1}@{EmailDomain}", Roles.Mentor, region.Id, null,
                    $"{Words.Pick(_rng, Words.Places)} {Words.Pick(_rng, Words.Organisations)}"));
            }
        }
        // Staff go round the partnerships, so staff1..staff38 are one per West Midlands LSP.
        for (var i = 0; count < scale.People; i++)
        {
            var partnership = _partnerships[i % _partnerships.Count];
            _staff.Add(Add($"staff{i + 1}@{EmailDomain}", Roles.LspStaff, partnership.RegionId, partnership.Id, $"{partnership.Name} LSP"));
        }
    }

    private void AddActivities(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var activities = new BulkInsert(connection, transaction, "Activities", "Id", "RegionId", "Kind", "Title", "Description",
            "StartsAt", "EndsAt", "Venue", "HostPartnershipId", "Capacity", "PartnershipCap", "BookingOpensAt", "BookingClosesAt", "Mode",
            "Status", "CancelReason", "Sequence", "ConfirmedCount", "CreatedAt", "PublishedAt", "IsNational");
        using var themes = new BulkInsert(connection, transaction, "ActivityTheme", "ActivityId", "ThemeId");
        using var costs = new BulkInsert(connection, transaction, "CostLine", "ActivityId", "Category", "Description", "Amount");
        var themeNames = ThemeNames(connection, transaction);
        var partnershipsByRegion = _partnerships.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        for (var i = 0; i < scale.Activities; i++)
        {
            var id = i + 1;
            var region = _regions[i % _regions.Count];
            ActivityRow row;
            if (i == 0)
            {
                // The benchmark's book-then-cancel activity: open for booking for years either side of the anchor.
                row = new ActivityRow(id, region.Id, anchor.AddYears(3).AddHours(10), anchor.AddYears(3).AddHours(16), 500,
                    anchor.AddYears(-3), anchor.AddYears(3).AddDays(-1), ActivityStatus.Published, BookingMode.FirstCome);
            }
            else
            {
                var starts = anchor.Date.AddDays(_rng.Next(-365, 366)).AddHours(9 + _rng.Next(5)).AddMinutes(_rng.Next(2) * 30);
                var ends = starts.AddHours(3 + _rng.Next(4));
                var status = ends < anchor
                    ? Roll(0.9, ActivityStatus.Completed, 0.05, ActivityStatus.Cancelled, ActivityStatus.Published)
                    : Roll(0.93, ActivityStatus.Published, 0.05, ActivityStatus.Draft, ActivityStatus.Cancelled);
                row = new ActivityRow(id, region.Id, starts, ends, 25 + _rng.Next(36), starts.AddDays(-60), starts.AddDays(-1), status,
                    _rng.NextDouble() < 0.1 ? BookingMode.Approval : BookingMode.FirstCome);
            }
            _activities.Add(row);
            var kind = (ActivityKind)(1 + _rng.Next(4));
            var activityThemes = _themeIds.OrderBy(_ => _rng.Next()).Take(1 + _rng.Next(3)).ToList();
            var hosted = _rng.NextDouble() < 0.3;
            var host = hosted ? partnershipsByRegion[region.Id][_rng.Next(partnershipsByRegion[region.Id].Length)].Id : (int?)null;
            activities.Row(id, region.Id, kind, $"{ActivityText.Kind(kind)}: {themeNames[activityThemes[0]]} {Words.Pick(_rng, Words.ActivityTopics)}",
                Words.Paragraph(_rng, 3), row.StartsAt, row.EndsAt, hosted ? null : $"{Words.Pick(_rng, Words.Places)} Conference Centre",
                host, row.Capacity, null, row.OpensAt, row.ClosesAt, row.Mode, row.Status,
                row.Status == ActivityStatus.Cancelled ? "Too few bookings" : null, 0, 0, row.OpensAt.AddDays(-10),
                row.Status == ActivityStatus.Draft ? null : row.OpensAt.AddDays(-1), false); // national showcases: CoDeliveryGenerator
            foreach (var theme in activityThemes)
            {
                themes.Row(id, theme);
            }
            if (row.Status != ActivityStatus.Draft)
            {
                costs.Row(id, CostCategory.Venue, "Room hire and refreshments", (decimal)(200 + _rng.Next(16) * 50));
                if (_rng.NextDouble() < 0.5)
                {
                    costs.Row(id, CostCategory.Speakers, "Speaker fees", (decimal)(100 + _rng.Next(10) * 50));
                }
            }
        }
    }

    private void AddBookings(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var bookings = new BulkInsert(connection, transaction, "Bookings", "Id", "ActivityId", "PersonId", "PartnershipId", "Status",
            "CreatedAt", "StatusChangedAt", "BookedInPriorityWindow", "CancelReason", "Attendance", "FeedbackRequestedAt");
        using var confirmedCount = connection.CreateCommand();
        confirmedCount.Transaction = transaction;
        confirmedCount.CommandText = "UPDATE Activities SET ConfirmedCount = $count WHERE Id = $id";
        var countParameter = confirmedCount.Parameters.Add(new SqliteParameter("$count", 0));
        var idParameter = confirmedCount.Parameters.Add(new SqliteParameter("$id", 0));
        // The benchmark's book-then-cancel drivers (staff1..staff64) start with no booking on activity 1.
        var reserved = _staff.Take(64).Select(s => s.Id).ToHashSet();

        var bookable = _activities.Where(a => a.Status != ActivityStatus.Draft).ToList();
        var average = scale.Bookings / (double)bookable.Count;
        var targets = bookable.Select(_ => (int)Math.Round(average * (0.5 + _rng.NextDouble()))).ToArray();
        // Nudge the counts so the total is exactly what the scale asks for.
        for (var diff = scale.Bookings - targets.Sum(); diff != 0; diff -= Math.Sign(diff))
        {
            targets[_rng.Next(targets.Length)] += Math.Sign(diff);
        }
        var staffByRegion = _staff.GroupBy(s => s.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        var id = 0;
        for (var a = 0; a < bookable.Count; a++)
        {
            var activity = bookable[a];
            var pool = staffByRegion[activity.RegionId];
            var count = Math.Min(targets[a], pool.Length);
            // A partial shuffle: count different people, so never two live bookings for one person.
            var people = (PersonRow[])pool.Clone();
            var taken = 0;
            var confirmed = 0;
            var past = activity.EndsAt < anchor;
            for (var n = 0; n < people.Length && taken < count; n++)
            {
                var j = n + _rng.Next(people.Length - n);
                (people[n], people[j]) = (people[j], people[n]);
                var person = people[n];
                if (activity.Id == 1 && reserved.Contains(person.Id))
                {
                    continue;
                }
                taken++;
                var created = activity.OpensAt.AddMinutes(taken * 37 + _rng.Next(30));
                BookingStatus status;
                string? reason = null;
                if (activity.Status == ActivityStatus.Cancelled)
                {
                    status = BookingStatus.Cancelled;
                    reason = "The activity was cancelled";
                }
                else if (_rng.NextDouble() < 0.06)
                {
                    status = BookingStatus.Cancelled;
                    reason = "Cancelled by the person";
                }
                else if (confirmed < activity.Capacity)
                {
                    status = activity.Mode == BookingMode.Approval && !past && _rng.NextDouble() < 0.2 ? BookingStatus.Requested : BookingStatus.Confirmed;
                }
                else
                {
                    status = past ? BookingStatus.Cancelled : activity.Mode == BookingMode.Approval ? BookingStatus.Declined : BookingStatus.Waitlisted;
                    reason = past ? "The activity has finished" : null;
                }
                if (status == BookingStatus.Confirmed)
                {
                    confirmed++;
                }
                Attendance? attendance = status == BookingStatus.Confirmed && activity.Status == ActivityStatus.Completed
                    ? _rng.NextDouble() < 0.85 ? Attendance.Attended : Attendance.NoShow
                    : null;
                id++;
                bookings.Row(id, activity.Id, person.Id, person.PartnershipId, status, created, created, false, reason, attendance,
                    attendance == Attendance.Attended ? activity.EndsAt.AddDays(1) : (DateTime?)null);
                if (status == BookingStatus.Confirmed)
                {
                    _confirmed.Add((id, activity.Id, person.Id, created, status));
                }
            }
            countParameter.Value = confirmed;
            idParameter.Value = activity.Id;
            confirmedCount.ExecuteNonQuery();
        }
    }

    private void AddSurveyResponses(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var responses = new BulkInsert(connection, transaction, "SurveyResponses", "Id", "SurveyId", "PartnershipId", "Status",
            "StartedAt", "SubmittedAt", "SubmittedById");
        using var answers = new BulkInsert(connection, transaction, "SurveyAnswers", "ResponseId", "QuestionId", "Rating", "Text",
            "Choices", "UpdatedById", "UpdatedAt");
        var staffByPartnership = _staff.GroupBy(s => s.PartnershipId!.Value).ToDictionary(g => g.Key, g => g.First());
        // Each partnership has a capacity per theme; the follow-up shows some distance travelled.
        var capacity = _partnerships.SelectMany(p => _themeIds.Select(t => (p.Id, t)))
            .ToDictionary(x => x, _ => 1 + _rng.Next(5));
        var id = 0;
        foreach (var survey in _surveys)
        {
            var opens = survey.FollowUp ? anchor.AddDays(-60) : anchor.AddDays(-420);
            foreach (var partnership in _partnerships.Where(p => p.RegionId == survey.RegionId))
            {
                var person = staffByPartnership[partnership.Id];
                var submitted = opens.AddDays(1 + _rng.Next(28));
                id++;
                responses.Row(id, survey.SurveyId, partnership.Id, ResponseStatus.Submitted, opens.AddDays(1), submitted, person.Id);
                foreach (var question in survey.Questions)
                {
                    int? rating = null;
                    string? text = null;
                    var choices = "[]";
                    switch (question.Kind)
                    {
                        case QuestionKind.Rating:
                            var level = capacity[(partnership.Id, question.ThemeId!.Value)] + (survey.FollowUp ? _rng.Next(2) : 0);
                            rating = Math.Clamp(level + _rng.Next(-1, 2), 1, 5);
                            break;
                        case QuestionKind.FreeText:
                            text = Words.Pick(_rng, Words.Sentences);
                            break;
                        default:
                            choices = System.Text.Json.JsonSerializer.Serialize(question.Options.OrderBy(_ => _rng.Next()).Take(2).ToList());
                            break;
                    }
                    answers.Row(id, question.Id, rating, text, choices, person.Id, submitted);
                }
            }
        }
    }

    private void AddPlacements(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var profiles = new BulkInsert(connection, transaction, "MentorProfiles", "PersonId", "RegionId", "Organisation", "Biography",
            "Capacity", "Kinds", "ThemeIds", "IsAvailable");
        foreach (var mentor in _mentors)
        {
            profiles.Row(mentor.Id, mentor.RegionId, $"{Words.Pick(_rng, Words.Places)} {Words.Pick(_rng, Words.Organisations)}",
                Words.Paragraph(_rng, 2), 3 + _rng.Next(6), "[1,2,3]",
                $"[{string.Join(",", _themeIds.OrderBy(_ => _rng.Next()).Take(3))}]", true);
        }

        using var placements = new BulkInsert(connection, transaction, "Placements", "Id", "RegionId", "Kind", "MentorId", "MenteeId",
            "MenteePartnershipId", "Goals", "StartsOn", "EndsOn", "TimeCommitment", "Status", "EndReason", "LastSessionOn");
        using var themes = new BulkInsert(connection, transaction, "PlacementTheme", "PlacementId", "ThemeId");
        using var sessions = new BulkInsert(connection, transaction, "PlacementSession", "PlacementId", "LoggedById", "Date",
            "DurationMinutes", "Mode", "Summary", "PrivateNotes", "AgreedActions", "CreatedAt");
        var mentorsByRegion = _mentors.GroupBy(m => m.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        var staffByRegion = _staff.GroupBy(s => s.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        var today = DateOnly.FromDateTime(anchor);
        for (var id = 1; id <= scale.Placements; id++)
        {
            var region = _regions[id % _regions.Count];
            var mentor = mentorsByRegion[region.Id][_rng.Next(mentorsByRegion[region.Id].Length)];
            var mentee = staffByRegion[region.Id][_rng.Next(staffByRegion[region.Id].Length)];
            var starts = today.AddDays(-_rng.Next(30, 400));
            var ends = starts.AddDays(180);
            var status = ends < today ? (_rng.NextDouble() < 0.85 ? PlacementStatus.Completed : PlacementStatus.EndedEarly) : PlacementStatus.Active;
            // Active pairings met recently, so the quiet-placement nudge has nothing to say about generated data.
            var lastDay = status == PlacementStatus.Active ? today.AddDays(-_rng.Next(1, 20)) : ends;
            var span = Math.Max(1, lastDay.DayNumber - starts.DayNumber);
            var dates = Enumerable.Range(0, scale.SessionsPerPlacement)
                .Select(n => starts.AddDays((int)((long)span * (n + 1) / scale.SessionsPerPlacement))).ToList();
            placements.Row(id, region.Id, (PlacementKind)(1 + _rng.Next(4)), mentor.Id, mentee.Id, mentee.PartnershipId,
                Words.Pick(_rng, Words.GoalSentences), starts, ends, "Half a day a month", status,
                status == PlacementStatus.EndedEarly ? "The mentee changed jobs" : null, dates[^1]);
            foreach (var theme in _themeIds.OrderBy(_ => _rng.Next()).Take(1 + _rng.Next(2)))
            {
                themes.Row(id, theme);
            }
            foreach (var (date, n) in dates.Select((d, n) => (d, n)))
            {
                sessions.Row(id, n % 2 == 0 ? mentor.Id : mentee.Id, date, 60 + 30 * _rng.Next(3), (SessionMode)(1 + _rng.Next(4)),
                    Words.Paragraph(_rng, 2), _rng.NextDouble() < 0.3 ? "Private: follow up on confidence in board meetings." : null,
                    Words.Pick(_rng, Words.GoalSentences), date.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc));
            }
        }
    }

    private void AddCaseStudies(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var studies = new BulkInsert(connection, transaction, "CaseStudies", "Id", "RegionId", "AuthorId", "Title", "Slug", "Summary",
            "Body", "Kind", "PartnershipId", "SourceActivityId", "Outcomes", "ContactName", "ContactEmail", "Status", "ReturnComments",
            "CreatedAt", "UpdatedAt", "PublishedAt");
        using var themes = new BulkInsert(connection, transaction, "CaseStudyTheme", "CaseStudyId", "ThemeId");
        var completedByRegion = _activities.Where(a => a.Status == ActivityStatus.Completed).GroupBy(a => a.RegionId)
            .ToDictionary(g => g.Key, g => g.ToArray());
        for (var id = 1; id <= scale.CaseStudies; id++)
        {
            var author = _staff[_rng.Next(_staff.Count)];
            var partnership = _partnerships.First(p => p.Id == author.PartnershipId);
            var title = $"{Words.Pick(_rng, Words.Verbs)} {Words.Pick(_rng, Words.Subjects)} in {partnership.Name}";
            var status = Roll(0.75, CaseStudyStatus.Published, 0.1, CaseStudyStatus.Submitted,
                _rng.NextDouble() < 0.6 ? CaseStudyStatus.Draft : CaseStudyStatus.Returned);
            var created = anchor.AddDays(-_rng.Next(10, 500));
            var body = string.Join("\n\n", Enumerable.Range(0, 4).Select(n =>
                n == 0 ? "## What we did\n\n" + Words.Paragraph(_rng, 4) : Words.Paragraph(_rng, 3 + _rng.Next(3))));
            var source = _rng.NextDouble() < 0.3 && completedByRegion.TryGetValue(author.RegionId, out var done)
                ? done[_rng.Next(done.Length)].Id
                : (int?)null;
            studies.Row(id, author.RegionId, author.Id, title, CaseStudy.MakeSlug(id, title), Words.Paragraph(_rng, 2), body,
                (PracticeKind)(1 + _rng.Next(5)), partnership.Id, source, Words.Paragraph(_rng, 2), author.Name, author.Email, status,
                status == CaseStudyStatus.Returned ? "Please add the outcomes you measured." : null, created, created.AddDays(3),
                status == CaseStudyStatus.Published ? created.AddDays(5) : null);
            foreach (var theme in _themeIds.OrderBy(_ => _rng.Next()).Take(1 + _rng.Next(2)))
            {
                themes.Row(id, theme);
            }
        }
    }

    private void AddSentEmail(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var outbox = new BulkInsert(connection, transaction, "OutboxMessages", "DeduplicationKey", "RegionId", "MessageId",
            "ToAddress", "ToName", "Subject", "TextBody", "HtmlBody", "CreatedAt", "Status", "Attempts", "NextAttemptAt",
            "LastAttemptAt", "SentAt");
        var people = _staff.ToDictionary(s => s.Id);
        var activities = _activities.ToDictionary(a => a.Id);
        // The history a live system would have: the confirmations of confirmed bookings, plus the
        // reminders for activities already inside the reminder window (so the hourly job finds them sent).
        var rows = _confirmed
            .Where(b => activities[b.ActivityId].StartsAt > anchor && activities[b.ActivityId].StartsAt <= anchor.AddDays(7))
            .Select(b => (Booking: b, Key: $"reminder:booking:{b.Id}:{(activities[b.ActivityId].StartsAt <= anchor.AddDays(1) ? 1 : 7)}d", Subject: "Reminder"))
            .Concat(_confirmed.Select(b => (Booking: b, Key: $"booking:{b.Id}:confirmed", Subject: "Your place is confirmed")))
            .Take(scale.SentEmails);
        var written = 0;
        foreach (var (booking, key, subject) in rows)
        {
            var person = people[booking.PersonId];
            var created = booking.CreatedAt;
            outbox.Row(key, person.RegionId, $"{NextGuid():N}@lsp.example", person.Email, person.Name, $"{subject}: activity {booking.ActivityId}",
                $"Dear {person.Name},\n\n{subject} for activity {booking.ActivityId}.\n\nLSP Capacity Building Programme",
                $"<p>Dear {person.Name},</p><p>{subject} for activity {booking.ActivityId}.</p><p>LSP Capacity Building Programme</p>",
                created, OutboxStatus.Sent, 1, created, created.AddMinutes(1), created.AddMinutes(1));
            written++;
        }
        for (var i = written; i < scale.SentEmails; i++)
        {
            var person = _staff[_rng.Next(_staff.Count)];
            var created = anchor.AddMinutes(-_rng.Next(1, 500 * 24 * 60));
            outbox.Row($"generated:{i}", person.RegionId, $"{NextGuid():N}@lsp.example", person.Email, person.Name, "Programme news",
                "Programme news.", "<p>Programme news.</p>", created, OutboxStatus.Sent, 1, created, created.AddMinutes(1), created.AddMinutes(1));
        }
    }

    /// <summary>
    /// Peer reviews at every stage, each holding what its stage implies as if every change had gone through
    /// <see cref="PeerReview"/>'s rules: a team from other partnerships of the host's region (one lead, and at
    /// least one peer once scoping is done), the host's self-assessment complete and submitted before the
    /// visit, findings and recommendations written by the team from the visit until the report is agreed, an
    /// action for every recommendation once the action plan is agreed, and progress kept as a history until
    /// the review closes. Every date comes from one timeline per review, placed so the anchor falls in its stage.
    /// </summary>
    private void AddReviews(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var reviews = new BulkInsert(connection, transaction, "PeerReviews", "Id", "RegionId", "HostPartnershipId", "Stage",
            "StageChangedAt", "Scope", "ScopingOn", "SelfAssessmentDueOn", "OnSiteStartsOn", "OnSiteEndsOn", "SelfAssessmentSubmittedAt",
            "SelfAssessmentSubmittedById", "ReportSummary", "ReportAgreedOn", "ReportAgreedById", "ProgressReviewOn", "FollowUpSummary",
            "ClosedOn", "CreatedAt");
        using var focusThemes = new BulkInsert(connection, transaction, "ReviewFocusThemes", "ReviewId", "ThemeId");
        using var team = new BulkInsert(connection, transaction, "ReviewTeamMembers", "ReviewId", "PersonId", "Role", "PartnershipId");
        using var answers = new BulkInsert(connection, transaction, "ReviewSelfAssessmentAnswers", "ReviewId", "ThemeId", "Rating",
            "Evidence", "UpdatedById", "UpdatedAt");
        using var findings = new BulkInsert(connection, transaction, "ReviewFindings", "Id", "ReviewId", "ThemeId", "Kind", "Text",
            "AuthorId", "CreatedAt");
        using var recommendations = new BulkInsert(connection, transaction, "ReviewRecommendations", "Id", "ReviewId", "ThemeId", "Text",
            "CreatedAt");
        using var actions = new BulkInsert(connection, transaction, "ReviewActions", "Id", "ReviewId", "RecommendationId", "Description",
            "Owner", "DueOn", "Status", "CreatedAt", "UpdatedAt");
        using var updates = new BulkInsert(connection, transaction, "ReviewActionUpdates", "ActionId", "Status", "Note", "ById", "At");
        var staffByRegion = _staff.GroupBy(s => s.RegionId).ToDictionary(g => g.Key, g => g.ToArray());
        var staffByPartnership = _staff.GroupBy(s => s.PartnershipId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var today = DateOnly.FromDateTime(anchor);

        // Exactly the mix asked for, every stage present even at the small scale, in a random order.
        var counts = ReviewMix.Select(m => Math.Max(1, scale.Reviews * m.Percent / 100)).ToArray();
        var byShare = Enumerable.Range(0, ReviewMix.Length).OrderByDescending(i => ReviewMix[i].Percent).ToArray();
        for (var i = 0; counts.Sum() < scale.Reviews; i++)
        {
            counts[byShare[i % byShare.Length]]++;
        }
        var stages = ReviewMix.SelectMany((m, i) => Enumerable.Repeat(m.Stage, counts[i])).OrderBy(_ => _rng.Next()).Take(scale.Reviews).ToArray();

        // Reviews go round the regions. Within a region every LSP hosts one review before any hosts a second;
        // closed reviews take hosts first and scoping ones last, so a partnership's second review is a new one
        // after a closed one (as long as the region has as many closed reviews as it has reviews over its LSPs).
        var hosts = new int[stages.Length];
        foreach (var region in _regions)
        {
            var partnerships = _partnerships.Where(p => p.RegionId == region.Id).OrderBy(_ => _rng.Next()).ToArray();
            var inRegion = Enumerable.Range(0, stages.Length).Where(i => _regions[i % _regions.Count].Id == region.Id)
                .OrderBy(i => stages[i] == ReviewStage.Closed ? 0 : ReviewStage.Closed - stages[i]).ToArray();
            for (var n = 0; n < inRegion.Length; n++)
            {
                hosts[inRegion[n]] = partnerships[n % partnerships.Length].Id;
            }
        }

        int findingId = 0, recommendationId = 0, actionId = 0;
        for (var i = 0; i < stages.Length; i++)
        {
            var id = i + 1;
            var stage = stages[i];
            var region = _regions[i % _regions.Count];
            var host = hosts[i];
            var hostStaff = staffByPartnership[host];
            var themes = _themeIds.OrderBy(_ => _rng.Next()).Take(1 + _rng.Next(3)).ToList();

            // The timeline in days from the day the review was created. Milestone n is the day stage n + 1 began:
            // the coordinator opened the self-assessment, the host submitted it, the lead ended the visit, the host
            // agreed the report, the lead agreed the action plan, the coordinator started the follow-up, then closed it.
            var scopingDay = _rng.Next(8);
            var opened = scopingDay + 3 + _rng.Next(12);
            var visit = opened + 30 + _rng.Next(41);
            var visitEnds = visit + _rng.Next(3);
            var due = visit - 10 - _rng.Next(12);
            var submitted = due - 5 + _rng.Next(9); // a few days either side of the deadline, always before the visit
            var writing = visitEnds + _rng.Next(5);
            var agreed = writing + 14 + _rng.Next(32);
            var planned = agreed + 14 + _rng.Next(32);
            var followUp = agreed + 290 + _rng.Next(30); // about the progress review, ten months after the report
            var closed = followUp + 14 + _rng.Next(47);
            int[] milestones = [0, opened, submitted, writing, agreed, planned, followUp, closed];
            // The anchor falls inside the current stage: at least a day after the milestone that began it, and no
            // later than the day of the next, which has not happened yet.
            var reached = (int)stage - 1;
            var stageEnds = reached + 1 < milestones.Length ? milestones[reached + 1] : closed + 180;
            var created = today.AddDays(-(milestones[reached] + 1 + _rng.Next(stageEnds - milestones[reached])));
            var at = milestones.Select(d => created.AddDays(d).ToDateTime(new TimeOnly(9 + _rng.Next(8), _rng.Next(60)), DateTimeKind.Utc))
                .ToArray();
            var visitStarts = created.AddDays(visit).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            // Work done in a stage is done before the next milestone or, in the current stage, before the anchor.
            DateTime Until(int milestone) => milestone <= reached ? at[milestone] : anchor;

            // The team: nobody from the host partnership, nobody twice, the first chosen leads. Scoping may not have one yet.
            var size = stage > ReviewStage.Scoping ? 2 + _rng.Next(3) : Roll(0.5, 2 + _rng.Next(3), 0.25, 1, 0);
            var eligible = staffByRegion[region.Id].Where(p => p.PartnershipId != host).ToArray();
            size = Math.Min(size, eligible.Length);
            for (var n = 0; n < size; n++)
            {
                var j = n + _rng.Next(eligible.Length - n);
                (eligible[n], eligible[j]) = (eligible[j], eligible[n]);
            }
            var members = eligible[..size];

            var scope = _rng.NextDouble() < 0.9
                ? $"{Words.Pick(_rng, Words.Verbs)} {Words.Pick(_rng, Words.Subjects)}, and how the board holds partners to account for it."
                : null;
            var isSubmitted = stage >= ReviewStage.OnSite;
            var isAgreed = stage >= ReviewStage.ReportAgreed;
            // The team may have drafted the report's summary before the host agrees it.
            var summary = isAgreed ? Words.Paragraph(_rng, 4)
                : stage == ReviewStage.Findings && _rng.NextDouble() < 0.5 ? Words.Paragraph(_rng, 3)
                : null;
            var followUpSummary = stage == ReviewStage.Closed || (stage == ReviewStage.FollowUp && _rng.NextDouble() < 0.5)
                ? Words.Paragraph(_rng, 2)
                : null;
            reviews.Row(id, region.Id, host, stage, at[reached], scope, created.AddDays(scopingDay), created.AddDays(due),
                created.AddDays(visit), created.AddDays(visitEnds), isSubmitted ? at[2] : null,
                isSubmitted ? hostStaff[_rng.Next(hostStaff.Length)].Id : null, summary,
                isAgreed ? created.AddDays(agreed) : null, isAgreed ? hostStaff[_rng.Next(hostStaff.Length)].Id : null,
                isAgreed ? created.AddDays(agreed).AddMonths(PeerReview.ProgressReviewMonths) : null, followUpSummary,
                stage == ReviewStage.Closed ? created.AddDays(closed) : null, at[0]);
            foreach (var theme in themes)
            {
                focusThemes.Row(id, theme);
            }
            foreach (var (member, n) in members.Select((m, n) => (m, n)))
            {
                team.Row(id, member.Id, n == 0 ? TeamRole.Lead : TeamRole.Peer, member.PartnershipId);
            }

            // The host's self-assessment: drafts while it is open, every focus theme rated with evidence once submitted.
            foreach (var theme in themes)
            {
                if (isSubmitted)
                {
                    answers.Row(id, theme, 1 + _rng.Next(5), Words.Paragraph(_rng, 2), hostStaff[_rng.Next(hostStaff.Length)].Id,
                        Between(at[1], at[2]));
                }
                else if (stage == ReviewStage.SelfAssessment && _rng.NextDouble() < 0.6)
                {
                    answers.Row(id, theme, 1 + _rng.Next(5), _rng.NextDouble() < 0.7 ? Words.Paragraph(_rng, 2) : null,
                        hostStaff[_rng.Next(hostStaff.Length)].Id, Between(at[1], anchor));
                }
            }

            // Findings and recommendations: from the first day of the visit until the report is agreed.
            var visitBegun = created.AddDays(visit) < today;
            foreach (var theme in themes)
            {
                var count = stage switch
                {
                    ReviewStage.OnSite => visitBegun ? _rng.Next(2) : 0,
                    ReviewStage.Findings => _rng.Next(3),
                    _ => isAgreed ? 1 + _rng.Next(3) : 0,
                };
                for (var n = 0; n < count; n++)
                {
                    var kind = _rng.NextDouble() < 0.5 ? FindingKind.Strength : FindingKind.AreaForImprovement;
                    findings.Row(++findingId, id, theme, kind,
                        Words.Pick(_rng, kind == FindingKind.Strength ? Words.Sentences : Words.Improvements),
                        members[_rng.Next(members.Length)].Id, Between(visitStarts, Until(4)));
                }
            }
            var recommendationCount = stage == ReviewStage.Findings ? _rng.Next(4) : isAgreed ? 2 + _rng.Next(4) : 0;
            var recommendationIds = new List<int>();
            foreach (var text in Words.Recommendations.OrderBy(_ => _rng.Next()).Take(recommendationCount))
            {
                recommendations.Row(++recommendationId, id, _rng.NextDouble() < 0.85 ? themes[_rng.Next(themes.Count)] : null, text,
                    Between(visitStarts, Until(4)));
                recommendationIds.Add(recommendationId);
            }

            // Actions: added from the agreed report; every recommendation has one by the time the plan is agreed.
            // Progress is recorded from then until the review closes, each change of status kept as an update.
            foreach (var recommendation in recommendationIds)
            {
                var count = stage switch
                {
                    < ReviewStage.ReportAgreed => 0, // the team's draft recommendations wait for the agreed report
                    ReviewStage.ReportAgreed => _rng.NextDouble() < 0.6 ? 1 + _rng.Next(2) : 0,
                    _ => 1 + _rng.Next(2),
                };
                for (var n = 0; n < count; n++)
                {
                    var createdAt = Between(at[4], Until(5));
                    var dueOn = DateOnly.FromDateTime(createdAt).AddDays(30 + _rng.Next(210));
                    var status = stage switch
                    {
                        ReviewStage.ReportAgreed => _rng.NextDouble() < 0.8 ? ActionStatus.NotStarted : ActionStatus.InProgress,
                        ReviewStage.ActionPlan when dueOn < today =>
                            Roll(0.6, ActionStatus.Done, 0.25, ActionStatus.InProgress, ActionStatus.Dropped),
                        ReviewStage.ActionPlan => Roll(0.4, ActionStatus.NotStarted, 0.45, ActionStatus.InProgress, ActionStatus.Done),
                        _ => Roll(0.7, ActionStatus.Done, 0.15, ActionStatus.InProgress, ActionStatus.Dropped),
                    };
                    List<ActionStatus> steps = status switch
                    {
                        ActionStatus.NotStarted => [],
                        ActionStatus.InProgress => [.. Enumerable.Repeat(ActionStatus.InProgress, 1 + _rng.Next(2))],
                        _ => _rng.NextDouble() < 0.7 ? [ActionStatus.InProgress, status] : [status],
                    };
                    var times = steps.Select(_ => Between(createdAt, Until(7))).Order().ToList();
                    actions.Row(++actionId, id, recommendation, Words.Pick(_rng, Words.GoalSentences),
                        $"{Words.Pick(_rng, Words.FirstNames)} {Words.Pick(_rng, Words.LastNames)}, {Words.Pick(_rng, Words.ActionOwnerRoles)}",
                        dueOn, status, createdAt, times.Count > 0 ? times[^1] : createdAt);
                    foreach (var (step, time) in steps.Zip(times))
                    {
                        updates.Row(actionId, step, step switch
                            {
                                ActionStatus.InProgress => Words.Pick(_rng, Words.ProgressNotes),
                                ActionStatus.Done => "Done: agreed by the board and written into the performance framework.",
                                _ => "Dropped: overtaken by the refreshed Local Area Agreement priorities.",
                            },
                            _rng.NextDouble() < 0.5 ? members[0].Id : hostStaff[_rng.Next(hostStaff.Length)].Id, time);
                    }
                }
            }
        }
    }

    /// <summary>
    /// About three improvement projects per partnership at every stage (proposed, active, closed with results, declined),
    /// with milestones, two measures and monthly updates; some active ones have gone quiet. Each accepted project has
    /// places (confirmed bookings of its partnership's people), a placement of its partnership and sometimes a peer
    /// review of it linked, as the pages and figures expect.
    /// </summary>
    private void AddProjects(SqliteConnection connection, SqliteTransaction transaction)
    {
        List<(int Id, int PartnershipId)> Read(string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<(int, int)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
            return rows;
        }
        var placementsByPartnership = Read("SELECT Id, MenteePartnershipId FROM Placements WHERE Status = 'Active'")
            .GroupBy(p => p.PartnershipId).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(p => p.Id)));
        var reviewsByPartnership = Read("SELECT Id, HostPartnershipId FROM PeerReviews")
            .GroupBy(r => r.PartnershipId).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(r => r.Id)));
        var staffById = _staff.ToDictionary(s => s.Id);
        var bookingsByPartnership = _confirmed.Where(b => staffById.ContainsKey(b.PersonId))
            .GroupBy(b => staffById[b.PersonId].PartnershipId!.Value).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(b => b.Id)));
        var staffByPartnership = _staff.GroupBy(s => s.PartnershipId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var baselineByRegion = _surveys.Where(s => !s.FollowUp).GroupBy(s => s.RegionId).ToDictionary(g => g.Key, g => g.First().SurveyId);

        using var projects = new BulkInsert(connection, transaction, "Projects", "Id", "RegionId", "PartnershipId", "ProposedById", "Title", "Problem",
            "LaaBlocks", "LeadId", "PartnerOrganisations", "StartsOn", "EndsOn", "Status", "SupportPlan", "DeclineReason", "DecidedById", "DecidedAt",
            "LastUpdateOn", "ClosedAt", "CreatedAt", "UpdatedAt");
        using var themes = new BulkInsert(connection, transaction, "ProjectTheme", "ProjectId", "ThemeId");
        using var needs = new BulkInsert(connection, transaction, "ProjectNeed", "ProjectId", "SurveyId", "ThemeId", "Level");
        using var places = new BulkInsert(connection, transaction, "ProjectNeighbourhood", "ProjectId", "Name", "IsDeprived");
        using var milestones = new BulkInsert(connection, transaction, "ProjectMilestones", "Id", "ProjectId", "Title", "DueOn", "DoneOn");
        using var measures = new BulkInsert(connection, transaction, "ProjectMeasures", "Id", "ProjectId", "Position", "Name", "Unit", "BaselineValue",
            "BaselineOn", "TargetValue", "TargetOn", "LatestValue", "LatestOn", "FinalValue");
        using var updates = new BulkInsert(connection, transaction, "ProjectUpdates", "Id", "ProjectId", "AuthorId", "Rag", "Narrative", "PostedOn",
            "PostedAt", "MilestonesDone");
        using var readings = new BulkInsert(connection, transaction, "ProjectMeasureReading", "UpdateId", "MeasureId", "Value", "On");
        using var results = new BulkInsert(connection, transaction, "ProjectResults", "ProjectId", "WhatChanged", "EvidenceLinks", "SupportContribution",
            "DoDifferently", "PublicConsent", "RecordedById", "RecordedAt");
        using var link = connection.CreateCommand();
        link.Transaction = transaction;
        var linkProject = link.Parameters.Add(new SqliteParameter("$project", 0));
        var linkId = link.Parameters.Add(new SqliteParameter("$id", 0));
        void Link(string table, int id, int projectId)
        {
            link.CommandText = $"UPDATE \"{table}\" SET ProjectId = $project WHERE Id = $id";
            linkProject.Value = projectId;
            linkId.Value = id;
            link.ExecuteNonQuery();
        }

        var today = DateOnly.FromDateTime(anchor);
        var (id, milestoneId, measureId, updateId) = (0, 0, 0, 0);
        foreach (var partnership in _partnerships)
        {
            var staff = staffByPartnership[partnership.Id];
            for (var n = 0; n < 3; n++)
            {
                id++;
                var lead = staff[_rng.Next(staff.Length)];
                var status = Roll(0.15, ProjectStatus.Proposed, 0.55, ProjectStatus.Active,
                    _rng.NextDouble() < 0.65 ? ProjectStatus.Closed : ProjectStatus.Declined);
                var created = anchor.AddDays(-_rng.Next(200, 400));
                var decided = status == ProjectStatus.Proposed ? (DateTime?)null : created.AddDays(14);
                var starts = DateOnly.FromDateTime(created).AddDays(30);
                var ends = starts.AddDays(365);
                var closed = status == ProjectStatus.Closed ? anchor.AddDays(-_rng.Next(5, 60)) : (DateTime?)null;
                // Active projects: most updated within the month, a few quiet for longer.
                var updateCount = status is ProjectStatus.Active or ProjectStatus.Closed ? 3 + _rng.Next(4) : 0;
                var lastUpdate = updateCount == 0 ? (DateOnly?)null
                    : status == ProjectStatus.Active && _rng.NextDouble() < 0.15 ? today.AddDays(-_rng.Next(31, 90)) : today.AddDays(-_rng.Next(1, 25));
                if (closed is { } c && lastUpdate > DateOnly.FromDateTime(c))
                {
                    lastUpdate = DateOnly.FromDateTime(c).AddDays(-1);
                }
                var title = $"{Words.Pick(_rng, Words.Verbs)} {Words.Pick(_rng, Words.Subjects)} in {partnership.Name}";
                projects.Row(id, partnership.RegionId, partnership.Id, lead.Id, title, Words.Paragraph(_rng, 2),
                    (int)(_rng.NextDouble() < 0.5 ? LaaBlocks.SaferAndStrongerCommunities : LaaBlocks.ChildrenAndYoungPeople | LaaBlocks.HealthierCommunitiesAndOlderPeople),
                    lead.Id, "[\"Police\",\"Primary Care Trust\"]", starts, ends, status,
                    decided is null || status == ProjectStatus.Declined ? null : "Mentoring and places on the programme's seminars.",
                    status == ProjectStatus.Declined ? "Outside the programme's themes." : null, decided is null ? null : lead.Id, decided,
                    lastUpdate, closed, created, closed ?? anchor.AddDays(-1));
                var projectThemes = _themeIds.OrderBy(_ => _rng.Next()).Take(1 + _rng.Next(2)).ToList();
                foreach (var theme in projectThemes)
                {
                    themes.Row(id, theme);
                }
                if (baselineByRegion.TryGetValue(partnership.RegionId, out var surveyId))
                {
                    needs.Row(id, surveyId, projectThemes[0], NeedLevel.High);
                }
                places.Row(id, $"{Words.Pick(_rng, Words.Places)} ward", _rng.NextDouble() < 0.5);
                var firstMilestone = milestoneId + 1;
                for (var m = 0; m < 2; m++)
                {
                    milestoneId++;
                    var due = starts.AddDays(90 * (m + 1));
                    milestones.Row(milestoneId, id, m == 0 ? "Partners sign the plan" : "First results reported", due,
                        status is ProjectStatus.Active or ProjectStatus.Closed && due < today ? due : null);
                }
                var measureIds = new List<(int Id, decimal Baseline, decimal Target)>();
                for (var m = 0; m < 2; m++)
                {
                    measureId++;
                    var baseline = (decimal)(20 + _rng.Next(40));
                    var target = m == 0 ? baseline + 10 + _rng.Next(20) : Math.Max(1, baseline - 5 - _rng.Next(10));
                    var final = status == ProjectStatus.Closed ? baseline + (target - baseline) * (decimal)(0.4 + _rng.NextDouble()) : (decimal?)null;
                    var latest = updateCount > 0 ? baseline + (target - baseline) * (decimal)(0.2 + 0.6 * _rng.NextDouble()) : (decimal?)null;
                    measures.Row(measureId, id, m + 1, m == 0 ? "Residents taking part" : "Days to resolve a case", m == 0 ? "people" : "days",
                        baseline, starts, target, ends, latest is null ? null : Math.Round(latest.Value, 1), lastUpdate,
                        final is null ? null : Math.Round(final.Value, 1));
                    measureIds.Add((measureId, baseline, target));
                }
                for (var u = 0; u < updateCount; u++)
                {
                    updateId++;
                    var on = lastUpdate!.Value.AddDays(-30 * (updateCount - 1 - u));
                    updates.Row(updateId, id, lead.Id, (RagStatus)(1 + _rng.Next(3)), Words.Paragraph(_rng, 2), on,
                        on.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc), u == 0 ? $"[{firstMilestone}]" : "[]");
                    var (mid, baseline, target) = measureIds[0];
                    readings.Row(updateId, mid, Math.Round(baseline + (target - baseline) * (u + 1) / (updateCount + 1), 1), on);
                }
                if (status == ProjectStatus.Closed)
                {
                    results.Row(id, Words.Paragraph(_rng, 3), "[\"https://example.org/evidence\"]", Words.Paragraph(_rng, 2), null,
                        _rng.NextDouble() < 0.5, lead.Id, closed);
                }
                if (status is not (ProjectStatus.Active or ProjectStatus.Closed))
                {
                    continue;
                }
                // The support it had: a few places, a placement, and now and then a peer review.
                if (bookingsByPartnership.TryGetValue(partnership.Id, out var bookings))
                {
                    for (var b = 0; b < 4 && bookings.Count > 0; b++)
                    {
                        Link("Bookings", bookings.Dequeue(), id);
                    }
                }
                if (placementsByPartnership.TryGetValue(partnership.Id, out var placements) && placements.Count > 0)
                {
                    Link("Placements", placements.Dequeue(), id);
                }
                if (_rng.NextDouble() < 0.3 && reviewsByPartnership.TryGetValue(partnership.Id, out var reviews) && reviews.Count > 0)
                {
                    Link("PeerReviews", reviews.Dequeue(), id);
                }
            }
        }
    }

    // --- Helpers ----------------------------------------------------------------------------------

    private static Dictionary<int, string> ThemeNames(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Id, Name FROM Themes";
        using var reader = command.ExecuteReader();
        var names = new Dictionary<int, string>();
        while (reader.Read())
        {
            names[reader.GetInt32(0)] = reader.GetString(1).ToLower(CultureInfo.GetCultureInfo("en-GB"));
        }
        return names;
    }

    /// <summary>A moment in [from, to), to the minute; from itself when the span is empty.</summary>
    private DateTime Between(DateTime from, DateTime to) =>
        from.AddMinutes(Math.Floor(_rng.NextDouble() * Math.Max(0, (to - from).TotalMinutes)));

    private T Roll<T>(double p1, T first, double p2, T second, T otherwise)
    {
        var x = _rng.NextDouble();
        return x < p1 ? first : x < p1 + p2 ? second : otherwise;
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4, as Identity's own ids are
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    private string Stamp()
    {
        const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(32, _rng, (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = base32[rng.Next(32)];
            }
        });
    }

    private sealed record RegionRow(int Id, string Code, string Name);

    private sealed record PartnershipRow(int Id, int RegionId, string Name);

    private sealed record PersonRow(string Id, string Email, string Name, int RegionId, int? PartnershipId);

    private sealed record ActivityRow(int Id, int RegionId, DateTime StartsAt, DateTime EndsAt, int Capacity, DateTime OpensAt,
        DateTime ClosesAt, ActivityStatus Status, BookingMode Mode);
}
