using System.Net;
using LspCapacity.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages;

/// <summary>CSV downloads hold names and answers: no browser or proxy may keep a copy.</summary>
public class CsvDownloadTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public CsvDownloadTests(AppFactory app) => _app = app;

    [Fact]
    public async Task EveryCsvDownload_IsSentWithCacheControlNoStore()
    {
        var activity = await _app.WithDbAsync(db => db.Activities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var urls = new List<string>
        {
            $"/activities/{activity}/attendees.csv", $"/activities/{activity}/feedback.csv",
            "/dashboard/export/upcoming.csv", "/dashboard/export/participation.csv", "/dashboard/export/value.csv",
            "/dashboard/export/kinds.csv", "/dashboard/export/programme.csv", "/dashboard/export/coverage.csv",
        };
        // Every route that ends in .csv is one of these pages (the survey answers need a survey: SurveyTests).
        var csvRoutes = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").Where(r => r.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, csvRoutes.Count);

        var client = _app.CreateClientAs(Demo.Coordinator);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has Cache-Control: {response.Headers.CacheControl}");
        }
    }
}
