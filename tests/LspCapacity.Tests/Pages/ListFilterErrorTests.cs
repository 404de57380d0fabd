using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// A filter value a list cannot read (a hand-edited or old address) is a clear error in the GOV.UK error summary above the
/// list, which is still shown unfiltered: the list pages' filters are GET forms, so nothing else would say what went wrong.
/// </summary>
public class ListFilterErrorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/providers?theme=abc", "'abc' is not a valid value", true)]
    [InlineData("/projects?status=Bogus", "'Bogus' is not a valid value", true)]
    [InlineData("/proposals?sort=Bogus", "'Bogus' is not a valid value", true)]
    [InlineData("/brokerage?status=Bogus", "'Bogus' is not a valid value", true)]
    [InlineData("/placements?status=Bogus", "'Bogus' is not a valid value", false)]
    [InlineData("/reviews?stage=Bogus", "'Bogus' is not a valid value", false)]
    [InlineData("/needs/coverage?theme=abc", "'abc' is not a valid value", false)]
    [InlineData("/library?kind=Bogus", "'Bogus' is not a valid value", false)]
    [InlineData("/dashboard/participation?flagged=maybe", "'maybe' is not a valid value", false)]
    [InlineData("/partnerships?type=Bogus", "'Bogus' is not a valid value", true)]
    [InlineData("/my/bookings?past=maybe", "'maybe' is not a valid value", false)]
    [InlineData("/board/decisions?page=abc", "The value 'abc' is not valid", false)]
    public async Task AFilterValueTheListCannotRead_IsShownInTheErrorSummary_AboveTheList(string url, string message, bool listHasRows)
    {
        var client = app.CreateClientAs(url.StartsWith("/my/", StringComparison.Ordinal) ? Demo.StaffBirmingham : Demo.Coordinator);
        var document = await client.GetDocumentAsync(url);
        var error = Assert.Single(document.ErrorSummary());
        Assert.Contains(message, error);
        Assert.StartsWith("Error: ", document.Title);
        Assert.NotNull(document.QuerySelector("main h1"));
        if (listHasRows)
        {
            Assert.NotEmpty(document.QuerySelectorAll("table tbody tr"));
        }
    }
}
