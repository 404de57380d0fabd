using LspCapacity.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LspCapacity.Tests.Pages;

/// <summary>
/// &lt;render-once for="…"&gt; renders its content once for each instance of the figures it shows, and again for a new instance
/// (the figures cache gives one when the data changes); each element of a view keeps its own part.
/// </summary>
public class RenderOnceTagHelperTests
{
    private sealed record Figures(int Value);

    private static async Task<(string Html, int Rendered)> RenderAsync(object figures, string element, Func<string> content)
    {
        var rendered = 0;
        var output = new TagHelperOutput("render-once", [], (_, _) =>
        {
            rendered++;
            var child = new DefaultTagHelperContent();
            child.AppendHtml(content());
            return Task.FromResult<TagHelperContent>(child);
        });
        var context = new TagHelperContext("render-once", [], new Dictionary<object, object>(), element);
        await new RenderOnceTagHelper { For = figures }.ProcessAsync(context, output);
        Assert.Null(output.TagName); // no element of its own
        return (output.Content.GetContent(), rendered);
    }

    [Fact]
    public async Task TheSameFigures_AreRenderedOnce_ANewInstanceAfresh_AndEachElementKeepsItsOwnPart()
    {
        var figures = new Figures(1);
        var text = "<p>1</p>";
        Assert.Equal(("<p>1</p>", 1), await RenderAsync(figures, "table", () => text));

        text = "<p>changed</p>"; // what the content would render now: not asked for while the figures are the same instance
        Assert.Equal(("<p>1</p>", 0), await RenderAsync(figures, "table", () => text));

        // Equal figures, but a new working-out (a new instance from the cache): rendered afresh.
        Assert.Equal(("<p>changed</p>", 1), await RenderAsync(new Figures(1), "table", () => text));
        // Another element of the view, shown the first figures: its own part.
        Assert.Equal(("<h2>ranking</h2>", 1), await RenderAsync(figures, "ranking", () => "<h2>ranking</h2>"));
        Assert.Equal(("<p>1</p>", 0), await RenderAsync(figures, "table", () => text));
    }
}
