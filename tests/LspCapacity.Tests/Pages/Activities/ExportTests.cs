using System.Net;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages.Activities;

public class ExportTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ExportTests(AppFactory app) => _app = app;

    private static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        using var reader = CsvHelper.CsvReader.FromText(text.TrimStart('\uFEFF'));
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Plain text", "Plain text")]
    public void FreeText_CannotRunAsASpreadsheetFormula(string typed, string written) =>
        Assert.Equal(written, LspCapacity.Web.Infrastructure.CsvCells.Safe(typed));

    [Fact]
    public async Task Attendees_ExportAsCsv_ForTheRegionsCoordinatorsOnly()
    {
        var activity = await _app.PublishedActivityAsync(capacity: 1, title: "Export seminar");
        var people = await _app.PeopleAsync(2, "Coventry");
        foreach (var person in people)
        {
            await _app.BookAsync(person, activity);
        }

        var response = await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/activities/{activity}/attendees.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal([people[0], "Coventry", "Confirmed"], new[] { rows[0][1], rows[0][3], rows[0][4] });
        Assert.Equal([people[1], "On the waiting list"], new[] { rows[1][1], rows[1][4] });

        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/activities/{activity}/feedback.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync($"/activities/{activity}/attendees.csv")).StatusCode);
        await _app.AddOtherRegionAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/activities/{activity}/attendees.csv")).StatusCode);
    }
}
