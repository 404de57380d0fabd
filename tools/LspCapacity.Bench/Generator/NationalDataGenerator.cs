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
using LspCapacity.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
/// Each kind of record is one step method; to add peer reviews once they exist on main, write
/// <c>AddReviews</c> beside the others and call it from <see cref="RunAsync"/> (see the note there).
/// </summary>
public sealed class NationalDataGenerator(string databasePath, Scale scale, int seed, DateTime anchor, string seedFolder, TextWriter log)
{
    /// <summary>Every generated account signs in with this (the app's default demo password).</summary>
    public const string Password = "Capacity-2006!";

    public const string EmailDomain = "national.example";

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
        // Peer reviews (issue 6) are not on main yet. When they are: add an AddReviews step here
        // (scale.Reviews reviews of host partnerships, teams drawn from _staff of other partnerships).
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
        services.AddDbContext<AppDbContext>(o => o.UseSqlite($"Data Source={databasePath};Pooling=False"));
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

        using var programmes = new BulkInsert(connection, transaction, "Programmes", "RegionId", "Name", "Aim", "StartsOn", "EndsOn", "Budget");
        foreach (var region in _regions.Skip(1))
        {
            programmes.Row(region.Id, $"{region.Name} LSP Capacity Building Programme 2006–07",
                $"To develop the capacity of {region.Name}'s Local Strategic Partnerships to deliver LAA and SCS outcomes.",
                new DateOnly(2006, 9, 1), new DateOnly(2007, 7, 31), 250_000m);
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
            "Status", "CancelReason", "Sequence", "ConfirmedCount", "CreatedAt", "PublishedAt");
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
                row.Status == ActivityStatus.Draft ? null : row.OpensAt.AddDays(-1));
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
