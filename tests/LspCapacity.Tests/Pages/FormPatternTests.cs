using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// The GOV.UK date input and error summary, through a real page (pairing two people directly, whose form
/// has two dates): what is bound, the messages, which fields are marked, what is kept, where the summary links.
/// </summary>
public class FormPatternTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/placements/create";

    private async Task<IHtmlDocument> PostStartsOnAsync(string day, string month, string year)
    {
        var response = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync(Page, new Dictionary<string, string>
        {
            ["Input.StartsOn.Day"] = day,
            ["Input.StartsOn.Month"] = month,
            ["Input.StartsOn.Year"] = year,
            ["Input.EndsOn"] = "",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ParseAsync();
    }

    private static string[] Marked(IHtmlDocument page, string field) =>
        new[] { "Day", "Month", "Year" }.Where(p => page.QuerySelector($"#{field}_{p}")!.ClassList.Contains("govuk-input--error")).ToArray();

    private static string? SummaryLink(IHtmlDocument page, string message) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").FirstOrDefault(a => a.TextContent.Trim() == message)?.GetAttribute("href");

    private static string? MessageBeside(IHtmlDocument page, string field) =>
        page.QuerySelector($"#{field}-error")?.TextContent.Replace("Error:", "").Trim();

    [Fact]
    public async Task DateInput_Renders_DayMonthYear_InAFieldset_WithHint()
    {
        var page = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync(Page);

        var fieldset = page.QuerySelector("#Input_StartsOn")!.Closest("fieldset")!;
        Assert.Equal("group", fieldset.GetAttribute("role"));
        Assert.Equal("Starts on", fieldset.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal("For example, 27 3 2027", page.QuerySelector("#Input_StartsOn-hint")!.TextContent.Trim());
        Assert.Equal("Input_StartsOn-hint", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal(["Input.StartsOn.Day", "Input.StartsOn.Month", "Input.StartsOn.Year"],
            fieldset.QuerySelectorAll("input").Cast<IHtmlInputElement>().Select(i => i.Name!).ToArray());
        Assert.All(fieldset.QuerySelectorAll("input").Cast<IHtmlInputElement>(), i => Assert.Equal("numeric", i.GetAttribute("inputmode")));
        Assert.Equal(["Day", "Month", "Year"], fieldset.QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToArray());
        Assert.Null(page.QuerySelector("input[type='date']"));
    }

    [Fact]
    public async Task DateInput_NothingEntered_SaysEnter_AndMarksTheWholeDate()
    {
        var page = await PostStartsOnAsync("", "", "");

        Assert.Equal("Enter the start date", MessageBeside(page, "Input_StartsOn"));
        Assert.Equal("#Input_StartsOn_Day", SummaryLink(page, "Enter the start date"));
        Assert.Equal(["Day", "Month", "Year"], Marked(page, "Input_StartsOn"));
    }

    [Theory]
    [InlineData("27", "", "2027", "Start date must include a month", new[] { "Month" })]
    [InlineData("", "", "2027", "Start date must include a day and month", new[] { "Day", "Month" })]
    [InlineData("27", "3", "", "Start date must include a year", new[] { "Year" })]
    [InlineData("31", "2", "2027", "Start date must be a real date", new[] { "Day" })]
    [InlineData("29", "2", "2027", "Start date must be a real date", new[] { "Day" })]
    [InlineData("12", "13", "2027", "Start date must be a real date", new[] { "Month" })]
    [InlineData("ab", "3", "2027", "Start date must be a real date", new[] { "Day" })]
    [InlineData("1st", "March", "2027", "Start date must be a real date", new[] { "Day", "Month" })]
    [InlineData("27", "3", "27", "Start date must include a year with 4 numbers", new[] { "Year" })]
    [InlineData("27", "3", "20277", "Start date must include a year with 4 numbers", new[] { "Year" })]
    [InlineData("27", "3", "0000", "Start date must be a real date", new[] { "Year" })]
    public async Task DateInput_WrongParts_AreNamed_Marked_Kept_AndLinked(string day, string month, string year, string message, string[] marked)
    {
        var page = await PostStartsOnAsync(day, month, year);

        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(message, MessageBeside(page, "Input_StartsOn"));
        Assert.NotNull(page.QuerySelector("#Input_StartsOn")!.Closest(".govuk-form-group--error"));
        Assert.Equal(marked, Marked(page, "Input_StartsOn"));
        Assert.Equal($"#Input_StartsOn_{marked[0]}", SummaryLink(page, message));
        // What the person typed comes back, even where it is wrong.
        Assert.Equal($"{day} {month} {year}", page.FieldValue("Input.StartsOn"));
        Assert.Contains("Input_StartsOn-error", page.QuerySelector("#Input_StartsOn")!.Closest("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task DateInput_ARealDate_Binds_WithOrWithoutLeadingZeros()
    {
        var page = await PostStartsOnAsync(" 05", "03 ", "2027");

        // The start date is taken; only the other fields are missing.
        Assert.DoesNotContain(page.ErrorSummary(), e => e.StartsWith("Start date", StringComparison.Ordinal) || e == "Enter the start date");
        Assert.Empty(Marked(page, "Input_StartsOn"));
        Assert.Equal("Enter the end date", MessageBeside(page, "Input_EndsOn"));
        Assert.Equal(" 05 03  2027", page.FieldValue("Input.StartsOn"));
    }

    [Fact]
    public async Task DateInput_ARuleAboutTheDate_MarksTheWholeDate()
    {
        var response = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync(Page, new Dictionary<string, string>
        {
            ["Input.StartsOn.Day"] = "27", ["Input.StartsOn.Month"] = "3", ["Input.StartsOn.Year"] = "2027",
            ["Input.EndsOn.Day"] = "1", ["Input.EndsOn.Month"] = "3", ["Input.EndsOn.Year"] = "2027",
        });
        var page = await response.ParseAsync();

        Assert.Equal("The end date must be after the start date", MessageBeside(page, "Input_EndsOn"));
        Assert.Equal(["Day", "Month", "Year"], Marked(page, "Input_EndsOn"));
        Assert.Empty(Marked(page, "Input_StartsOn"));
        Assert.Equal("#Input_EndsOn_Day", SummaryLink(page, "The end date must be after the start date"));
    }

    [Fact]
    public async Task ErrorSummary_ListsErrors_InTheOrderOfTheFields()
    {
        // ModelState keeps its keys sorted (EndsOn, Goals, Kind, MenteeId, MentorId, StartsOn, ThemeIds); the page
        // asks kind, mentor, mentee, themes, goals, start, end.
        var response = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync(Page, new Dictionary<string, string>
        {
            ["Input.Kind"] = "", ["Input.StartsOn"] = "", ["Input.EndsOn"] = "",
        });
        var page = await response.ParseAsync();

        Assert.Equal(
        [
            "Select the kind of support",
            "Select who gives the support",
            "Select who receives the support",
            "Select at least one theme",
            "Enter the goals",
            "Enter the start date",
            "Enter the end date",
        ], page.ErrorSummary());
        Assert.Equal(["#Input_Kind", "#Input_MentorId", "#Input_MenteeId", "#Input_ThemeIds", "#Input_Goals", "#Input_StartsOn_Day", "#Input_EndsOn_Day"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href") ?? "").ToArray());
    }
}
