using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LspCapacity.Web.Infrastructure.TagHelpers;

/// <summary>The fields of this request's page in the order they were written, each with the element its error links to.</summary>
public sealed class ErrorSummaryFields
{
    private readonly Dictionary<string, (int Order, string FocusId)> _fields = new(StringComparer.Ordinal);

    public static ErrorSummaryFields Of(HttpContext httpContext)
    {
        if (httpContext.Items[typeof(ErrorSummaryFields)] is not ErrorSummaryFields fields)
        {
            httpContext.Items[typeof(ErrorSummaryFields)] = fields = new ErrorSummaryFields();
        }
        return fields;
    }

    public void Add(string name, string focusId) => _fields.TryAdd(name, (_fields.Count, focusId));

    public bool TryGet(string name, out (int Order, string FocusId) field) => _fields.TryGetValue(name, out field);
}

/// <summary>
/// The GOV.UK error summary: every error, each linking to its field, in the order of the fields on the page.
/// It stands above the fields, so it is written out last: its content is only produced when the page
/// is (Razor buffers the whole page), by which time every field tag helper has said where it is.
/// Errors about the whole form come first; errors of fields written by hand keep ModelState's order, after the rest.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(new Summary(ViewContext.ViewData.ModelState, ErrorSummaryFields.Of(ViewContext.HttpContext)));
    }

    private sealed class Summary(ModelStateDictionary modelState, ErrorSummaryFields fields) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var errors = modelState
                .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 })
                .Select((e, index) =>
                {
                    var known = fields.TryGet(e.Key, out var field);
                    var order = string.IsNullOrEmpty(e.Key) ? (-1, index) : known ? (field.Order, 0) : (int.MaxValue, index);
                    var href = string.IsNullOrEmpty(e.Key) ? null : known ? field.FocusId : TagBuilder.CreateSanitizedId(e.Key, "_");
                    return (Order: order, Href: href, e.Value!.Errors[0].ErrorMessage);
                })
                .OrderBy(e => e.Order)
                .ToList();
            if (errors.Count == 0)
            {
                return;
            }
            writer.Write("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">" +
                         "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
                         "<ul class=\"govuk-list govuk-error-summary__list\">");
            foreach (var (_, href, message) in errors)
            {
                writer.Write(href is null
                    ? $"<li>{encoder.Encode(message)}</li>"
                    : $"<li><a href=\"#{encoder.Encode(href)}\">{encoder.Encode(message)}</a></li>");
            }
            writer.Write("</ul></div></div></div>");
        }
    }
}
