using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Audit;

namespace LspCapacity.Tests.Pages.Admin;

/// <summary>
/// The audit log page: admins only (an entry names a record, not a region, so coordinators have no share
/// of it to see), filtered by person and by record, paged, with the filtered set as CSV in UK time.
/// </summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private string _coventryId = "";
    private string _mentorId = "";

    public async ValueTask InitializeAsync()
    {
        _app.CreateAnonymousClient();
        _coventryId = await _app.UserIdAsync(Demo.StaffCoventry);
        _mentorId = await _app.UserIdAsync(Demo.Mentor);
        var coordinatorId = await _app.UserIdAsync(Demo.Coordinator);
        // 25 November 2026, 10:00 UTC: 10:00 in London (GMT). A July entry is in BST.
        var at = _app.Clock.GetUtcNow().UtcDateTime;
        await _app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry(at, coordinatorId, "person.role-changed", "AppUser", _coventryId, "Test change of Coventry"));
            db.AuditEntries.Add(new AuditEntry(new DateTime(2026, 7, 1, 9, 30, 0, DateTimeKind.Utc), _coventryId, "booking.created", "Booking", "4242", "Confirmed"));
            db.AuditEntries.Add(new AuditEntry(at, _mentorId, "placement.session-logged", "Placement", "77", "Mentor's session"));
            for (var i = 0; i < 30; i++)
            {
                db.AuditEntries.Add(new AuditEntry(at.AddMinutes(-i), null, "filler.entry", "Filler", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
            }
            await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ByPerson_ShowsWhatTheyDidAndWhatWasDoneToThem_AndNoOneElse()
    {
        var page = await _app.CreateClientAs(Demo.Admin).GetDocumentAsync("/admin/audit?person=jo+coventry");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("person.role-changed") && r.Contains("Chris Coordinator") && r.Contains("25 November 2026"));
        Assert.Contains(rows, r => r.Contains("booking.created") && r.Contains("Jo Coventry") && r.Contains("10:30")); // 09:30 UTC in BST
        Assert.DoesNotContain(rows, r => r.Contains("Mentor's session"));

        var byEmail = await _app.CreateClientAs(Demo.Admin).GetDocumentAsync("/admin/audit?person=staff.coventry%40lsp");
        Assert.Equal(2, byEmail.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task ByRecord_TypeAndId()
    {
        var admin = _app.CreateClientAs(Demo.Admin);
        var placement = await admin.GetDocumentAsync("/admin/audit?entityType=Placement&entityId=77");
        var row = Assert.Single(placement.QuerySelectorAll("tbody tr"));
        Assert.Contains("Morgan Mentor", row.TextContent);
        Assert.Equal("Placement", placement.QuerySelector("select#entityType option[selected]")!.TextContent);

        var none = await admin.GetDocumentAsync("/admin/audit?entityType=Placement&entityId=78");
        Assert.Contains("No entries match.", none.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ALongLog_IsPaged_NewestFirst()
    {
        var admin = _app.CreateClientAs(Demo.Admin);
        var first = await admin.GetDocumentAsync("/admin/audit?entityType=Filler");
        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Filler 0", first.QuerySelector("tbody tr")!.TextContent);
        Assert.Contains("(page 1 of 2)", first.Title);
        var second = await admin.GetDocumentAsync("/admin/audit?entityType=Filler&page=2");
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Filler 29", second.QuerySelectorAll("tbody tr").Last().TextContent);
    }

    [Fact]
    public async Task TheCsv_HoldsTheWholeFilteredSet_InUkTime()
    {
        var admin = _app.CreateClientAs(Demo.Admin);
        var page = await admin.GetDocumentAsync("/admin/audit?person=coventry");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Download these entries (CSV)")).GetAttribute("href")!;
        var response = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the header and Coventry's two
        Assert.StartsWith("When (UK time),Who,", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2026-07-01 10:30:00,Jo Coventry,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Mentor"));

        var all = await admin.GetStringAsync("/admin/audit?handler=Csv&entityType=Filler");
        Assert.Equal(31, all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // not only the first page
    }

    [Fact]
    public async Task OnlyAdmins_MayReadTheLog()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync("/admin/audit?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync("/admin/audit")).StatusCode);
    }
}
