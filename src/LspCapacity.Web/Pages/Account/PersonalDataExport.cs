using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Account;

/// <summary>
/// Everything the service keeps about one person (UK GDPR article 15, the right of access), as a ZIP of
/// JSON and CSV files, one pair per kind of record. Only their own: placements they are in with the
/// sessions' summaries, but private notes only of the sessions they logged themselves.
/// </summary>
public static class PersonalDataExport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task WriteAsync(AppDbContext db, string personId, Stream output, CancellationToken cancellationToken)
    {
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == personId)
            .Select(u => new ProfileRow(u.DisplayName, u.Email!, u.Role, u.Organisation,
                db.Regions.Where(r => r.Id == u.RegionId).Select(r => r.Name).FirstOrDefault(),
                db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).FirstOrDefault(),
                u.CreatedAt, u.LastSignInAt, u.IsActive))
            .SingleAsync(cancellationToken);
        var mentorProfile = await db.MentorProfiles.AsNoTracking().Where(m => m.PersonId == personId)
            .Select(m => new MentorProfileRow(m.Organisation, m.Biography, m.Capacity, m.IsAvailable))
            .ToListAsync(cancellationToken);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.PersonId == personId)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new BookingRow(b.Id, b.Activity!.Title, b.Activity.StartsAt, b.Status.ToString(), b.CreatedAt,
                b.CancelReason, b.Attendance == null ? null : b.Attendance.ToString(),
                db.Feedback.Where(f => f.BookingId == b.Id).Select(f => (int?)f.Usefulness).FirstOrDefault(),
                db.Feedback.Where(f => f.BookingId == b.Id).Select(f => (int?)f.Quality).FirstOrDefault(),
                db.Feedback.Where(f => f.BookingId == b.Id).Select(f => f.ApplyLocally).FirstOrDefault(),
                db.Feedback.Where(f => f.BookingId == b.Id).Select(f => f.Comments).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var answered = await db.SurveyResponses.AsNoTracking()
            .SelectMany(r => r.Answers, (r, a) => new { r.SurveyId, a.QuestionId, a.Rating, a.Text, a.Choices, a.UpdatedById, a.UpdatedAt })
            .Where(a => a.UpdatedById == personId)
            .ToListAsync(cancellationToken);
        var surveyIds = answered.Select(a => a.SurveyId).Distinct().ToList();
        var questions = (await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id))
                .SelectMany(s => s.Sections, (s, section) => new { Survey = s.Title, section.Questions })
                .ToListAsync(cancellationToken))
            .SelectMany(x => x.Questions, (x, q) => new { x.Survey, q.Id, q.Text })
            .ToDictionary(q => q.Id);
        var answers = answered
            .Select(a => new SurveyAnswerRow(questions.GetValueOrDefault(a.QuestionId)?.Survey ?? "", questions.GetValueOrDefault(a.QuestionId)?.Text ?? "",
                a.Rating, a.Text, string.Join("; ", a.Choices), a.UpdatedAt))
            .ToList();
        var placements = await db.Placements.AsNoTracking().Where(p => p.MentorId == personId || p.MenteeId == personId)
            .OrderBy(p => p.StartsOn)
            .Select(p => new PlacementRow(p.Id, p.Kind.ToString(), p.MentorId == personId ? "Mentor" : "Mentee",
                db.Users.Where(u => u.Id == (p.MentorId == personId ? p.MenteeId : p.MentorId)).Select(u => u.DisplayName).FirstOrDefault(),
                p.Goals, p.StartsOn, p.EndsOn, p.Status.ToString()))
            .ToListAsync(cancellationToken);
        var sessions = (await db.Placements.AsNoTracking().Where(p => p.MentorId == personId || p.MenteeId == personId)
            .SelectMany(p => p.Sessions, (p, s) => new
            {
                PlacementId = p.Id, s.Date, s.DurationMinutes, s.Mode, Yours = s.LoggedById == personId, s.Summary, s.AgreedActions,
                // Private notes are the pair's, each person's own: never the other party's.
                PrivateNotes = s.LoggedById == personId ? s.PrivateNotes : null,
            })
            .ToListAsync(cancellationToken))
            .OrderBy(s => s.PlacementId).ThenBy(s => s.Date)
            .Select(s => new SessionRow(s.PlacementId, s.Date, s.DurationMinutes, s.Mode.ToString(), s.Yours ? "You" : "The other member of the pair",
                s.Summary, s.AgreedActions, s.PrivateNotes))
            .ToList();
        var outcomes = await db.Placements.AsNoTracking()
            .SelectMany(p => p.Outcomes, (p, o) => new { p.Id, o })
            .Where(x => x.o.PersonId == personId)
            .Select(x => new OutcomeRow(x.Id, x.o.GoalsMet, x.o.WhatChanged, x.o.WouldRecommend, x.o.RecordedAt))
            .ToListAsync(cancellationToken);
        var requests = await db.SupportRequests.AsNoTracking().Where(r => r.RequesterId == personId)
            .Select(r => new SupportRequestRow(r.Id, r.Kind.ToString(), r.Goals, r.PreferredDates, r.Status.ToString(), r.CreatedAt))
            .ToListAsync(cancellationToken);
        var caseStudies = await db.CaseStudies.AsNoTracking().Where(c => c.AuthorId == personId)
            .Select(c => new CaseStudyRow(c.Id, c.Title, c.Summary, c.Body, c.Outcomes, c.ContactName, c.ContactEmail, c.Status.ToString(), c.CreatedAt, c.PublishedAt))
            .ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.ProposedById == personId || p.LeadId == personId)
            .Select(p => new ProjectRow(p.Id, p.Title, p.Problem, p.ProposedById == personId, p.LeadId == personId, p.Status.ToString(), p.StartsOn, p.EndsOn))
            .ToListAsync(cancellationToken);
        var projectUpdates = await db.ProjectUpdates.AsNoTracking().Where(u => u.AuthorId == personId)
            .Select(u => new ProjectUpdateRow(u.ProjectId, u.Rag.ToString(), u.Narrative, u.PostedOn))
            .ToListAsync(cancellationToken);
        var reviews = await db.PeerReviews.AsNoTracking()
            .SelectMany(r => r.Team, (r, m) => new { r.Id, r.Stage, m.PersonId, m.Role })
            .Where(x => x.PersonId == personId)
            .Select(x => new ReviewMembershipRow(x.Id, x.Role.ToString(), x.Stage.ToString()))
            .ToListAsync(cancellationToken);
        var subscriptions = await db.LibrarySubscriptions.AsNoTracking().Where(s => s.PersonId == personId)
            .Select(s => new SubscriptionRow(string.Join("; ", s.ThemeIds), s.CreatedAt))
            .ToListAsync(cancellationToken);
        var email = profile.Email;
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new EmailRow(m.Subject, m.CreatedAt, m.SentAt, m.Status.ToString(), m.TextBody))
            .ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == personId || (a.EntityType == nameof(AppUser) && a.EntityId == personId))
            .OrderBy(a => a.At)
            .Select(a => new AuditRow(a.At, a.ActorId == personId ? "You" : a.ActorId == null ? "The system" : "Someone else", a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(cancellationToken);

        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await AddAsync(zip, "README.txt", System.Text.Encoding.UTF8.GetBytes(
            $"Your data from the LSP Capacity Building Programme, {UkTime.DateTime(DateTime.UtcNow)} (UK time).\r\n"
            + "Each kind of record is in a JSON file and a CSV file of the same name. Times are in UTC.\r\n"
            + "Private notes are included only for the mentoring sessions you logged yourself.\r\n"), cancellationToken);
        await AddTableAsync(zip, "profile", [profile], cancellationToken);
        await AddTableAsync(zip, "mentor-profile", mentorProfile, cancellationToken);
        await AddTableAsync(zip, "bookings", bookings, cancellationToken);
        await AddTableAsync(zip, "survey-answers", answers, cancellationToken);
        await AddTableAsync(zip, "support-requests", requests, cancellationToken);
        await AddTableAsync(zip, "placements", placements, cancellationToken);
        await AddTableAsync(zip, "placement-sessions", sessions, cancellationToken);
        await AddTableAsync(zip, "placement-outcomes", outcomes, cancellationToken);
        await AddTableAsync(zip, "case-studies", caseStudies, cancellationToken);
        await AddTableAsync(zip, "projects", projects, cancellationToken);
        await AddTableAsync(zip, "project-updates", projectUpdates, cancellationToken);
        await AddTableAsync(zip, "peer-reviews", reviews, cancellationToken);
        await AddTableAsync(zip, "library-subscriptions", subscriptions, cancellationToken);
        await AddTableAsync(zip, "emails", emails, cancellationToken);
        await AddTableAsync(zip, "audit", audit, cancellationToken);
    }

    private static async Task AddTableAsync<T>(ZipArchive zip, string name, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        await AddAsync(zip, name + ".json", JsonSerializer.SerializeToUtf8Bytes(rows, Json), cancellationToken);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(properties.Select(p => p.Name).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(properties.Select(p => Cell(p.GetValue(row))).ToArray());
            }
        }
        await AddAsync(zip, name + ".csv", System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(writer.ToString())).ToArray(), cancellationToken);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => CsvCells.Safe(value.ToString()),
    };

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }

    public sealed record ProfileRow(string Name, string Email, string Role, string? Organisation, string? Region, string? Partnership,
        DateTime AddedAt, DateTime? LastSignInAt, bool Active);
    public sealed record MentorProfileRow(string? Organisation, string? Biography, int Capacity, bool TakingNewPairings);
    public sealed record BookingRow(int Id, string Activity, DateTime ActivityStartsAt, string Status, DateTime BookedAt, string? CancelReason,
        string? Attendance, int? UsefulnessRating, int? QualityRating, string? WhatYouWillApplyLocally, string? FeedbackComments);
    public sealed record SurveyAnswerRow(string Survey, string Question, int? Rating, string? Text, string Choices, DateTime? AnsweredAt);
    public sealed record SupportRequestRow(int Id, string Kind, string Goals, string? PreferredDates, string Status, DateTime CreatedAt);
    public sealed record PlacementRow(int Id, string Kind, string YourPart, string? OtherMember, string Goals, DateOnly StartsOn, DateOnly EndsOn, string Status);
    public sealed record SessionRow(int PlacementId, DateOnly Date, int DurationMinutes, string Mode, string LoggedBy, string Summary,
        string? AgreedActions, string? YourPrivateNotes);
    public sealed record OutcomeRow(int PlacementId, int GoalsMet, string WhatChanged, bool WouldRecommend, DateTime RecordedAt);
    public sealed record CaseStudyRow(int Id, string Title, string Summary, string Body, string? Outcomes, string? ContactName, string? ContactEmail,
        string Status, DateTime CreatedAt, DateTime? PublishedAt);
    public sealed record ProjectRow(int Id, string Title, string Problem, bool YouProposedIt, bool YouLeadIt, string Status, DateOnly StartsOn, DateOnly EndsOn);
    public sealed record ProjectUpdateRow(int ProjectId, string Rag, string Narrative, DateOnly PostedOn);
    public sealed record ReviewMembershipRow(int ReviewId, string YourRole, string Stage);
    public sealed record SubscriptionRow(string FollowedThemeIds, DateTime CreatedAt);
    public sealed record EmailRow(string Subject, DateTime QueuedAt, DateTime? SentAt, string Status, string Body);
    public sealed record AuditRow(DateTime At, string Who, string Action, string RecordType, string RecordId, string? Details);
}
