using System.Globalization;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>An activity's attendee list and its feedback, as CSV downloads for the region's coordinators.</summary>
public class ExportModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAttendeesAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await FindAsync(id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(activity.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var rows = await db.Bookings.AsNoTracking().Where(b => b.ActivityId == id)
            .OrderBy(b => b.Status).ThenBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .Join(db.Users, b => b.PersonId, u => u.Id, (b, u) => new
            {
                u.DisplayName, u.Email, u.Organisation,
                Partnership = db.Partnerships.Where(p => p.Id == b.PartnershipId).Select(p => p.Name).FirstOrDefault(),
                b.Status, b.CreatedAt, b.Attendance,
            })
            .ToListAsync(cancellationToken);
        return Csv($"{activity.Title}-attendees", ["Name", "Email", "Organisation", "Partnership", "Status", "Booked at (UK time)", "Attendance"],
            rows.Select(r => new[]
            {
                CsvCells.Safe(r.DisplayName), CsvCells.Safe(r.Email), CsvCells.Safe(r.Organisation), r.Partnership ?? "", ActivityText.Status(r.Status),
                UkTime.ToUk(r.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.Attendance switch { Attendance.Attended => "Attended", Attendance.NoShow => "No-show", _ => "" },
            }));
    }

    public async Task<IActionResult> OnGetFeedbackAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await FindAsync(id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(activity.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var rows = await db.Feedback.AsNoTracking()
            .Join(db.Bookings.Where(b => b.ActivityId == id), f => f.BookingId, b => b.Id, (f, b) => new
            {
                Partnership = db.Partnerships.Where(p => p.Id == b.PartnershipId).Select(p => p.Name).FirstOrDefault(),
                f.Usefulness, f.Quality, f.ApplyLocally, f.Comments, f.SubmittedAt,
            })
            .OrderBy(f => f.SubmittedAt)
            .ToListAsync(cancellationToken);
        // Feedback is anonymous to the person; the partnership is kept for the golden thread.
        return Csv($"{activity.Title}-feedback", ["Partnership", "Usefulness (1-5)", "Quality (1-5)", "Will apply locally", "Comments", "Given at (UK time)"],
            rows.Select(r => new[]
            {
                r.Partnership ?? "", r.Usefulness.ToString(CultureInfo.InvariantCulture), r.Quality.ToString(CultureInfo.InvariantCulture),
                CsvCells.Safe(r.ApplyLocally), CsvCells.Safe(r.Comments), UkTime.ToUk(r.SubmittedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            }));
    }

    private Task<Activity?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private CsvFileResult Csv(string name, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        var fileName = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-') + ".csv";
        return new CsvFileResult(writer.ToString(), fileName);
    }
}
