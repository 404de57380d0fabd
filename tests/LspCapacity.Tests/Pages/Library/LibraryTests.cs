using System.Net;
using System.Net.Http.Headers;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Pages.Library;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Library;

public class LibraryTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public LibraryTests(AppFactory app) => _app = app;

    /// <summary>Writes, submits and (optionally) publishes a case study through the pages; returns its id.</summary>
    private async Task<int> CaseStudyAsync(string title, string body, string summary = "A summary.", bool publish = true, string author = Demo.StaffBirmingham)
    {
        var theme = await _app.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync());
        var client = _app.CreateClientAs(author);
        var saved = await client.SubmitFormAsync("/library/write", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Summary"] = summary, ["Input.Body"] = body, ["Input.Kind"] = "Project",
            ["Input.ThemeIds"] = theme.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var submitted = await client.SubmitFormAsync($"/library/write/{id}", new Dictionary<string, string>(), button: "Submit for publishing");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        if (publish)
        {
            var response = await _app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/library/moderation", "/library/moderation?handler=Publish",
                new Dictionary<string, string> { ["CaseStudyId"] = id.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return id;
    }

    private Task<string> SlugAsync(int id) => _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("[click](javascript:alert('x'))")]
    [InlineData("<img src=x onerror=alert('x')>")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert('x')>")]
    public async Task ScriptInMarkdown_NeverReachesThePage(string payload)
    {
        var id = await CaseStudyAsync($"Safe page {Guid.NewGuid():N}", $"Intro\n\n{payload}\n\n**Bold** survives.");
        var response = await _app.CreateAnonymousClient().GetAsync($"/library/{await SlugAsync(id)}");
        var html = await response.Content.ReadAsStringAsync();
        var body = (await response.ParseAsync()).QuerySelector(".app-case-study-body")!;
        // Shown as text at most: no element that runs, no event handler, no script URL.
        Assert.Empty(body.QuerySelectorAll("script, iframe, img, svg, object, embed"));
        var elements = body.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => (e.GetAttribute("href") ?? "").TrimStart().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(body.QuerySelector("strong"));
        Assert.DoesNotContain("<script>alert", html);
    }

    private async Task<HttpResponseMessage> UploadAsync(int id, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        var client = _app.CreateClientAs(Demo.StaffCoventry);
        var page = await client.GetDocumentAsync($"/library/write/{id}");
        var token = page.QuerySelector("form[action*='handler=Upload'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync($"/library/write/{id}?handler=Upload", form);
    }

    [Fact]
    public async Task Uploads_RefuseExecutablesAndOversizedFiles_AndServeTheRestAsDownloads()
    {
        var id = await CaseStudyAsync("Attachments", "Body", publish: false, author: Demo.StaffCoventry);
        // Returned to draft for editing: use a fresh draft instead.
        var client = _app.CreateClientAs(Demo.StaffCoventry);
        var saved = await client.SubmitFormAsync("/library/write", new Dictionary<string, string>
        {
            ["Input.Title"] = "With documents", ["Input.Summary"] = "S", ["Input.Body"] = "B", ["Input.Kind"] = "Process",
            ["Input.ThemeIds"] = (await _app.WithDbAsync(db => db.Themes.Select(t => t.Id).FirstAsync())).ToString(),
        });
        id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());

        var exe = await UploadAsync(id, "setup.exe", [0x4d, 0x5a, 0x90, 0x00], "application/pdf");
        Assert.Equal(HttpStatusCode.OK, exe.StatusCode);
        Assert.Contains("setup.exe is not a type the library accepts.", string.Join(" ", (await exe.ParseAsync()).ErrorSummary()));

        var script = await UploadAsync(id, "<script>alert(1)</script>.html", "<script>alert(1)</script>"u8.ToArray(), "text/html");
        var scriptPage = await script.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", scriptPage);

        var big = await UploadAsync(id, "big.pdf", new byte[CaseStudyAttachment.MaxBytes + 1], "application/pdf");
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Contains(CaseStudyAttachment.TooLargeMessage, (await big.ParseAsync()).ErrorSummary());

        var ok = await UploadAsync(id, "evaluation.pdf", "%PDF-1.4 test"u8.ToArray(), "text/html");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).SelectMany(c => c.Attachments).SingleAsync());
        Assert.Equal("application/pdf", stored.ContentType); // never what the browser claimed

        var download = await client.GetAsync($"/library/{id}?handler=Attachment&attachmentId={stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        // Not published yet: nobody else can fetch it.
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync($"/library/{id}?handler=Attachment&attachmentId={stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task Withdraw_AsksAreYouSure_BeforeThePublishedItemLeavesTheLibrary()
    {
        var id = await CaseStudyAsync("Withdrawn pooled budgets story", "Body words.");
        var slug = await SlugAsync(id);
        var coordinator = _app.CreateClientAs(Demo.Coordinator);

        // One click on "Withdraw" only asks: it is a link to the second step, not a form.
        var list = await coordinator.GetDocumentAsync("/library/moderation");
        Assert.Empty(list.QuerySelectorAll("form[action*='handler=Withdraw']"));
        var link = list.QuerySelectorAll("main a[href*='withdraw=']").Single(a => a.TextContent == "Withdraw Withdrawn pooled budgets story")
            .GetAttribute("href")!;
        var asking = await coordinator.GetDocumentAsync(link);
        Assert.Contains("Are you sure you want to withdraw Withdrawn pooled budgets story from the library?", asking.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateAnonymousClient().GetAsync($"/library/{slug}")).StatusCode);

        var withdrawn = await coordinator.SubmitFormAsync(link, new Dictionary<string, string>(), "form[action*='handler=Withdraw']");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(CaseStudyStatus.Withdrawn, await _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync($"/library/{slug}")).StatusCode);
    }

    [Fact]
    public async Task DraftsAndReturnedItems_AreInvisible_ToThePublicAndOtherAuthors_AndOnlyCoordinatorsPublish()
    {
        var id = await CaseStudyAsync("Not yet public", "Secret body words zebra", publish: false);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync($"/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync($"/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/library/{id}")).StatusCode);
        var search = await _app.CreateAnonymousClient().GetDocumentAsync("/library?q=zebra");
        Assert.Empty(search.QuerySelectorAll(".app-activity-list__item"));

        var staffTry = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync("/library", "/library/moderation?handler=Publish",
            new Dictionary<string, string> { ["CaseStudyId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, staffTry.StatusCode);

        var returned = await _app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/library/moderation", "/library/moderation?handler=Return",
            new Dictionary<string, string> { ["CaseStudyId"] = id.ToString(), ["Comments"] = "Please add the outcomes." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(CaseStudyStatus.Returned, await _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAnonymousClient().GetAsync($"/library/{id}")).StatusCode);
        Assert.Contains(await _app.DeliveredToAsync(Demo.StaffBirmingham), m => (m.Subject ?? "") == "Returned with comments: Not yet public");
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync($"/library/write/{id}")).StatusCode);
    }

    [Fact]
    public async Task Search_FindsBodyWords_RanksTitleMatchesFirst_AndSurvivesOddInput()
    {
        var inBody = await CaseStudyAsync("Budgets in Walsall", "We pooled budgets to tackle worklessness across the borough.");
        var inTitle = await CaseStudyAsync("Worklessness pilot", "A pilot in three wards.");

        var results = await _app.CreateAnonymousClient().GetDocumentAsync("/library?q=worklessness");
        var titles = results.QuerySelectorAll(".app-activity-list__item h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Worklessness pilot", "Budgets in Walsall"], titles.Where(t => t is "Worklessness pilot" or "Budgets in Walsall"));

        // Filters narrow the ranked matches and keep their order.
        var themes = await _app.WithDbAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToListAsync());
        async Task<List<string>> TitlesAsync(string url) => (await _app.CreateAnonymousClient().GetDocumentAsync(url))
            .QuerySelectorAll(".app-activity-list__item h2 a").Select(a => a.TextContent).Where(x => x is "Worklessness pilot" or "Budgets in Walsall").ToList();
        Assert.Equal(["Worklessness pilot", "Budgets in Walsall"], await TitlesAsync($"/library?q=worklessness&theme={themes[0]}&kind=Project"));
        Assert.Empty(await TitlesAsync($"/library?q=worklessness&theme={themes[1]}"));
        Assert.Empty(await TitlesAsync("/library?q=worklessness&kind=Evaluation"));

        foreach (var odd in new[] { "\"pooled budgets", "pooled-budgets", "budgets OR NOT", "NEAR(", "*", "'; DROP TABLE CaseStudies; --", "borough)" })
        {
            var response = await _app.CreateAnonymousClient().GetAsync($"/library?q={Uri.EscapeDataString(odd)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var hyphen = await _app.CreateAnonymousClient().GetDocumentAsync("/library?q=pooled-budgets");
        Assert.Contains("Budgets in Walsall", hyphen.QuerySelector("main")!.TextContent);
        _ = inBody + inTitle;
    }

    [Fact]
    public async Task Search_FindsAStudyPublishedAfterTheSameSearchWasMade()
    {
        async Task<List<string>> TitlesAsync() => (await _app.CreateAnonymousClient().GetDocumentAsync("/library?q=Zephyrine+Pathways"))
            .QuerySelectorAll(".app-activity-list__item h2 a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Empty(await TitlesAsync());
        await CaseStudyAsync("Zephyrine pathways to work", "How the zephyrine pathways scheme worked.");
        Assert.Equal(["Zephyrine pathways to work"], await TitlesAsync());
    }

    [Fact]
    public async Task CaseStudyFromAnActivity_IsLinkedFromTheActivity_ItsPartnership_AndItsOwnPage()
    {
        var activity = await _app.PublishedActivityAsync(title: "Engagement workshop");
        var theme = await _app.WithDbAsync(db => db.Themes.Select(t => t.Id).FirstAsync());
        var client = _app.CreateClientAs(Demo.StaffBirmingham);
        var saved = await client.SubmitFormAsync("/library/write", new Dictionary<string, string>
        {
            ["Input.Title"] = "What we took from the workshop", ["Input.Summary"] = "S", ["Input.Body"] = "B", ["Input.Kind"] = "Engagement",
            ["Input.ThemeIds"] = theme.ToString(), ["Input.SourceActivityId"] = activity.ToString(),
            ["Input.PartnershipId"] = (await _app.PartnershipIdAsync("Birmingham")).ToString(),
        });
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        await client.SubmitFormAsync($"/library/write/{id}", new Dictionary<string, string>(), button: "Submit for publishing");
        await _app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/library/moderation", "/library/moderation?handler=Publish",
            new Dictionary<string, string> { ["CaseStudyId"] = id.ToString() });

        var activityPage = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/activities/{activity}");
        Assert.Contains("What we took from the workshop", activityPage.QuerySelector("main")!.TextContent);
        var partnershipPage = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/partnerships/{await _app.PartnershipIdAsync("Birmingham")}");
        Assert.Contains("What we took from the workshop", partnershipPage.QuerySelector("main")!.TextContent);

        // The case study names the activity it came from: a link for people signed in, the title for the public.
        var slug = await SlugAsync(id);
        var source = (await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/library/{slug}")).QuerySelector("#source-activity a");
        Assert.NotNull(source);
        Assert.Equal($"/activities/{activity}", source.GetAttribute("href"));
        Assert.Equal("Engagement workshop", source.TextContent.Trim());
        var publicSource = (await _app.CreateAnonymousClient().GetDocumentAsync($"/library/{slug}")).QuerySelector("#source-activity");
        Assert.Contains("Engagement workshop", publicSource!.TextContent);
    }

    private async Task<int> DraftWithDocumentsAsync(string title)
    {
        var saved = await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync("/library/write", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Summary"] = "S", ["Input.Body"] = "B", ["Input.Kind"] = "Process",
            ["Input.ThemeIds"] = (await _app.WithDbAsync(db => db.Themes.Select(t => t.Id).FirstAsync())).ToString(),
        });
        return int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task Upload_OverTheRequestLimit_GetsTheSameMessageAsOneOverFiveMegabytes()
    {
        var id = await DraftWithDocumentsAsync("A very large appendix");
        var overFive = await UploadAsync(id, "appendix.pdf", new byte[CaseStudyAttachment.MaxBytes + 1], "application/pdf");
        var fiveMegabyteMessage = Assert.Single((await overFive.ParseAsync()).ErrorSummary());

        // Over the page's request limit the form cannot be read at all: the person is sent back to the page with the same error.
        var overSix = await UploadAsync(id, "appendix.pdf", new byte[WriteModel.MaxRequestBytes + 512 * 1024], "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, overSix.StatusCode);
        Assert.Equal($"/library/write/{id}", overSix.Headers.Location!.OriginalString);
        var client = _app.CreateClientAs(Demo.StaffCoventry);
        // The TempData cookie carries the message to the page it redirected to, once.
        var cookies = overSix.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/library/write/{id}");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var page = await (await client.SendAsync(request)).ParseAsync();
        Assert.Equal(fiveMegabyteMessage, Assert.Single(page.ErrorSummary()));
        Assert.Contains(fiveMegabyteMessage, page.QuerySelector("#Upload-error")!.TextContent);
        Assert.Empty(await _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).SelectMany(c => c.Attachments).ToListAsync()));
    }

    [Fact]
    public async Task Uploads_AreLimitedPerCaseStudy()
    {
        var id = await DraftWithDocumentsAsync("Ten documents and no more");
        Assert.Contains("up to 10 documents", (await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/library/write/{id}")).QuerySelector("#Upload-hint")!.TextContent);
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(id, $"part-{i}.txt", "notes"u8.ToArray(), "text/plain")).StatusCode);
        }
        var eleventh = await UploadAsync(id, "part-11.txt", "notes"u8.ToArray(), "text/plain");
        Assert.Equal(HttpStatusCode.OK, eleventh.StatusCode);
        Assert.Contains("A case study can have up to 10 documents, and this one has 10.", (await eleventh.ParseAsync()).ErrorSummary());
        Assert.Equal(10, await _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).SelectMany(c => c.Attachments).CountAsync()));
    }

    [Theory]
    [InlineData("budget.ods", "application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("slides.odp", "application/vnd.oasis.opendocument.presentation")]
    [InlineData("report.odt", "application/vnd.oasis.opendocument.text")]
    public async Task OpenDocumentFiles_OfEveryKindTheHintNames_AreAccepted(string fileName, string contentType)
    {
        var id = await DraftWithDocumentsAsync($"OpenDocument {fileName}");
        var hint = (await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/library/write/{id}")).QuerySelector("#Upload-hint")!.TextContent;
        Assert.Contains(Path.GetExtension(fileName), hint);
        var response = await UploadAsync(id, fileName, "PK\u0003\u0004 zip"u8.ToArray(), "application/octet-stream");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(contentType, await _app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == id).SelectMany(c => c.Attachments).Select(a => a.ContentType).SingleAsync()));
    }

    [Fact]
    public async Task ErrorPage_ForAnUnexpectedProblem_SaysPlainlyWhatToDo()
    {
        var page = await _app.CreateAnonymousClient().GetDocumentAsync("/errors/500");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("saved twice", text);
        Assert.Contains("check whether your change was saved", text);
    }

    [Fact]
    public async Task Feed_ListsPublishedItems_AsAtom()
    {
        var id = await CaseStudyAsync("In the feed", "Body.");
        var response = await _app.CreateAnonymousClient().GetAsync("/library/feed.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value == "In the feed"
            && e.Element(atom + "link")!.Attribute("href")!.Value.EndsWith($"/library/{id}-in-the-feed", StringComparison.Ordinal));
    }
}
