using System.IO.Compression;
using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Account;

/// <summary>"Download my data": every kind of record about the person, and nothing about anyone else.</summary>
public sealed class MyDataTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        _app.CreateAnonymousClient();
        await AccessSamples.CreateAsync(_app); // Birmingham's attended booking, survey answers, support request, draft case study
        await _app.LogPrivateNotesAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Dictionary<string, string>> DownloadAsync(string email)
    {
        var client = _app.CreateClientAs(email);
        var page = await client.GetDocumentAsync("/account/my-data");
        Assert.Contains("Download your data", page.QuerySelector("h1")!.TextContent);
        var response = await client.SubmitFormAsync("/account/my-data", new Dictionary<string, string>());
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", _app.Logs.Failures.Select(f => f.Message)));
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("my-data-2026-11-25.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    [Fact]
    public async Task Download_HoldsEveryKindOfRecordAboutThePerson_InJsonAndCsv()
    {
        var files = await DownloadAsync(Demo.StaffBirmingham);

        foreach (var kind in new[] { "profile", "bookings", "survey-answers", "support-requests", "placements", "placement-sessions",
                     "placement-outcomes", "case-studies", "projects", "project-updates", "peer-reviews", "emails", "audit" })
        {
            Assert.True(files.ContainsKey(kind + ".json"), kind + ".json");
            Assert.True(files.ContainsKey(kind + ".csv"), kind + ".csv");
        }
        Assert.Contains("Sam Birmingham", files["profile.json"]);
        Assert.Contains(Demo.StaffBirmingham, files["profile.csv"]);
        Assert.Contains("Commissioning and pooled budgets in practice", files["bookings.json"]);
        Assert.Contains("Attended", files["bookings.csv"]);
        Assert.Contains("Pooled budgets for worklessness", files["survey-answers.json"]);
        Assert.Contains("Chair a board that holds partners to account.", files["support-requests.json"]);
        Assert.Contains("Build a performance framework the board owns.", files["placements.json"]);
        Assert.Contains("Went through the draft framework.", files["placement-sessions.csv"]);
        Assert.Contains("Quick call before the board.", files["placement-sessions.csv"]); // the mentor's summary: the pair's
        Assert.Contains("nervous about the board", files["placement-sessions.json"]); // their own private note
        Assert.Contains("Pooling budgets for worklessness", files["case-studies.json"]);
        Assert.Contains("One youth offer for Aston and Newtown", files["projects.json"]); // the demo project Birmingham leads
        Assert.Contains("person.data-downloaded", files["audit.csv"]);
    }

    [Fact]
    public async Task Download_HoldsNothingAboutAnyoneElse_NotEvenThePartnersPrivateNotes()
    {
        var birmingham = string.Concat((await DownloadAsync(Demo.StaffBirmingham)).Values);
        Assert.DoesNotContain("the chair is the blocker", birmingham); // the mentor's private note
        Assert.DoesNotContain(Demo.StaffCoventry, birmingham);
        Assert.DoesNotContain("Jo Coventry", birmingham);
        Assert.DoesNotContain("Targets have no owners.", birmingham); // Coventry's self-assessment

        var coventry = string.Concat((await DownloadAsync(Demo.StaffCoventry)).Values);
        Assert.Contains("Jo Coventry", coventry);
        Assert.DoesNotContain("Sam Birmingham", coventry);
        Assert.DoesNotContain(Demo.StaffBirmingham, coventry);
        Assert.DoesNotContain("nervous about the board", coventry);
        Assert.DoesNotContain("Pooling budgets for worklessness", coventry);
        Assert.DoesNotContain("Pooled budgets for worklessness", coventry);

        var mentor = await DownloadAsync(Demo.Mentor);
        Assert.Contains("the chair is the blocker", mentor["placement-sessions.json"]);
        Assert.DoesNotContain("nervous about the board", mentor["placement-sessions.json"]);
        Assert.Contains("Former LSP manager", mentor["mentor-profile.json"]);
    }

    [Fact]
    public async Task TheDownload_IsWrittenToTheAuditLog()
    {
        await DownloadAsync(Demo.StaffCoventry);
        var id = await _app.UserIdAsync(Demo.StaffCoventry);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.data-downloaded" && a.EntityId == id && a.ActorId == id)));
    }
}
