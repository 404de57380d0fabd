using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LspCapacity.Web.Infrastructure.TagHelpers;

/// <summary>
/// <c>&lt;render-once for="@Model.Figures"&gt;…&lt;/render-once&gt;</c>: its content is rendered once for each instance of
/// <see cref="For"/>, then the same HTML is written for every request shown that instance. For a large part of a page drawn
/// only from figures held by <see cref="FiguresCache"/> (a heatmap of hundreds of cells, a table of every partnership's fair
/// share): the cache gives the same instance until the data under it changes (on any node: it checks the data versions on
/// every request), and then a new instance, which is rendered afresh. The HTML lives as long as the instance does.
/// With <see cref="For"/> null (figures worked out for this request alone) the content is rendered as any other.
/// <para>
/// The content must depend on nothing but <see cref="For"/> and what is the same for everyone who may see it (no viewer,
/// no form with its antiforgery token, no time but what the figures were worked out for): a viewer's own parts go outside.
/// </para>
/// </summary>
[HtmlTargetElement("render-once", Attributes = "for")]
public sealed class RenderOnceTagHelper : TagHelper
{
    // Weakly keyed: an instance the figures cache lets go takes its HTML with it.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string>> Rendered = new();

    /// <summary>The figures the content shows (an instance held by <see cref="FiguresCache"/>), or null when they are not kept.</summary>
    public object? For { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (For is null)
        {
            return;
        }
        // Razor gives each render-once element of a view its own id, the same on every request: one page may keep several parts.
        var parts = Rendered.GetOrCreateValue(For);
        if (!parts.TryGetValue(context.UniqueId, out var html))
        {
            html = (await output.GetChildContentAsync()).GetContent();
            parts.TryAdd(context.UniqueId, html);
        }
        output.Content.SetHtmlContent(html);
    }
}
