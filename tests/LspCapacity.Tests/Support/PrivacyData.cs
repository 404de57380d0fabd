using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Support;

/// <summary>Records for the UK GDPR tests: private notes on the demo placement, one by each member of the pair.</summary>
public static class PrivacyData
{
    public const string MenteeNote = "Mentee's own private note: nervous about the board";
    public const string MentorNote = "Mentor's own private note: the chair is the blocker";

    /// <summary>A session logged by each of the demo pair (Birmingham and the mentor), each with a private note.</summary>
    public static async Task LogPrivateNotesAsync(this AppFactory app)
    {
        var menteeId = await app.UserIdAsync(Demo.StaffBirmingham);
        var mentorId = await app.UserIdAsync(Demo.Mentor);
        await app.WithDbAsync(async db =>
        {
            var placement = await db.Placements.Include(p => p.Sessions).SingleAsync(p => p.MenteeId == menteeId && p.MentorId == mentorId);
            var today = UkTime.Today(app.Clock);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            placement.LogSession(menteeId, today.AddDays(-2), 60, LspCapacity.Web.Domain.Placements.SessionMode.Video,
                "Went through the draft framework.", MenteeNote, null, today, now);
            placement.LogSession(mentorId, today.AddDays(-1), 30, LspCapacity.Web.Domain.Placements.SessionMode.Phone,
                "Quick call before the board.", MentorNote, null, today, now);
            await db.SaveChangesAsync();
        });
    }
}
