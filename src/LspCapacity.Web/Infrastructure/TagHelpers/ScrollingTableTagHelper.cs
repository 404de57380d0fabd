using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LspCapacity.Web.Infrastructure.TagHelpers;

/// <summary>
/// <c>&lt;table class="govuk-table" scroll-label="People"&gt;</c>: a table that may be wider than a phone's
/// screen scrolls inside its own frame, a focusable region named by the label, so the page itself never
/// scrolls sideways (WCAG 1.4.10 Reflow) and keyboard users can scroll it too.
/// </summary>
[HtmlTargetElement("table", Attributes = "scroll-label")]
public sealed class ScrollingTableTagHelper(HtmlEncoder encoder) : TagHelper
{
    /// <summary>What the scroll region is called by screen readers, e.g. the table's caption.</summary>
    public string ScrollLabel { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.AppendHtml($"<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{encoder.Encode(ScrollLabel)}\">");
        output.PostElement.AppendHtml("</div>");
    }
}
