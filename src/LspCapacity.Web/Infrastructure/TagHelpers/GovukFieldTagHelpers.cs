using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LspCapacity.Web.Infrastructure.TagHelpers;

/// <summary>
/// GOV.UK form fields bound to a model property: label, hint, the error beside the field, and the
/// value the person typed kept after a failed post. One way to write a field on every page.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    public string? Label { get; set; }
    public string? Hint { get; set; }

    /// <summary>Render the label as the page heading (GOV.UK pattern for one-question pages).</summary>
    public bool LabelIsHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    // Inside a partial rendered with for="Input", names carry the "Input." prefix.
    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");
    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;

    protected string? Error
    {
        get
        {
            var entry = ViewContext.ViewData.ModelState[Name];
            return entry is { ValidationState: ModelValidationState.Invalid } && entry.Errors.Count > 0
                ? entry.Errors[0].ErrorMessage
                : null;
        }
    }

    protected string CurrentValue
    {
        get
        {
            var entry = ViewContext.ViewData.ModelState[Name];
            if (entry?.AttemptedValue is { } attempted)
            {
                return attempted;
            }
            return For.Model switch
            {
                null => "",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                // Money as people write it: "450" or "300.50", never the "450.0" a decimal read back from SQLite gives.
                decimal m => m.ToString(m == decimal.Truncate(m) ? "0" : "0.00##", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
        }
    }

    protected string DescribedBy(bool hasHint, bool hasError) =>
        string.Join(" ", new[] { hasHint ? $"{Id}-hint" : null, hasError ? $"{Id}-error" : null }.Where(x => x is not null));

    protected static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected string LabelHtml(string cssExtra = "")
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : cssExtra)}\" for=\"{Id}\">{E(LabelText)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintHtml() => Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>";

    protected string ErrorHtml(string? error) => error is null
        ? ""
        : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";

    /// <summary>The element the error summary links to for this field.</summary>
    protected virtual string FocusId => Id;

    protected void WriteGroup(TagHelperOutput output, string inner, string? error)
    {
        // Fields are written in the order of the page: the error summary lists their errors in that order.
        ErrorSummaryFields.Of(ViewContext.HttpContext).Add(Name, FocusId);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }

    /// <summary>Width class such as "govuk-input--width-10" or "govuk-!-width-one-half".</summary>
    public string? Width { get; set; }
    public bool Spellcheck { get; set; } = true;
    public string? Inputmode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var describedBy = DescribedBy(Hint is not null, error is not null);
        var value = Type == "password" ? "" : CurrentValue;
        var input = $"<input class=\"govuk-input{(Width is null ? "" : " " + Width)}{(error is null ? "" : " govuk-input--error")}\" " +
                    $"id=\"{Id}\" name=\"{Name}\" type=\"{E(Type)}\" value=\"{E(value)}\"" +
                    (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") +
                    (Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"") +
                    (Inputmode is null ? "" : $" inputmode=\"{E(Inputmode)}\"") +
                    (Spellcheck ? "" : " spellcheck=\"false\"") + ">";
        WriteGroup(output, LabelHtml() + HintHtml() + ErrorHtml(error) + input, error);
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var describedBy = DescribedBy(Hint is not null, error is not null);
        var textarea = $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"" +
                       (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") + $">{E(CurrentValue)}</textarea>";
        WriteGroup(output, LabelHtml() + HintHtml() + ErrorHtml(error) + textarea, error);
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of an empty first option, if any.</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var current = CurrentValue;
        var describedBy = DescribedBy(Hint is not null, error is not null);
        var options = (Placeholder is null ? "" : $"<option value=\"\">{E(Placeholder)}</option>") +
                      string.Concat(Items.Select(i =>
                          $"<option value=\"{E(i.Value)}\"{(i.Value == current ? " selected" : "")}>{E(i.Text)}</option>"));
        var select = $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Name}\"" +
                     (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") + $">{options}</select>";
        WriteGroup(output, LabelHtml() + HintHtml() + ErrorHtml(error) + select, error);
    }
}

/// <summary>Radios in a fieldset whose legend is the label.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var current = CurrentValue;
        var describedBy = DescribedBy(Hint is not null, error is not null);
        var index = 0;
        var radios = string.Concat(Items.Select(i =>
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Name}\" type=\"radio\" value=\"{E(i.Value)}\"{(i.Value == current ? " checked" : "")}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(i.Text)}</label></div>";
        }));
        var legendClass = LabelIsHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--s";
        var legend = LabelIsHeading
            ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{E(LabelText)}</h1></legend>"
            : $"<legend class=\"{legendClass}\">{E(LabelText)}</legend>";
        var html = $"<fieldset class=\"govuk-fieldset\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "")}>{legend}{HintHtml()}{ErrorHtml(error)}" +
                   $"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{radios}</div></fieldset>";
        WriteGroup(output, html, error);
    }
}

/// <summary>A single yes/no checkbox for a bool property. An unchecked box posts nothing, so a hidden "false" goes first.</summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        // Checked posts "true,false" (the box, then the hidden field); unchecked posts "false".
        var isChecked = string.Equals(CurrentValue.Split(',')[0], "true", StringComparison.OrdinalIgnoreCase);
        var html = $"{ErrorHtml(error)}<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">" +
                   $"<input class=\"govuk-checkboxes__input\" id=\"{Id}\" name=\"{Name}\" type=\"checkbox\" value=\"true\"{(isChecked ? " checked" : "")}" +
                   (Hint is null ? "" : $" aria-describedby=\"{Id}-hint\"") + ">" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{E(LabelText)}</label>" +
                   (Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{E(Hint)}</div>") +
                   $"</div></div><input type=\"hidden\" name=\"{Name}\" value=\"false\">";
        WriteGroup(output, html, error);
    }
}

/// <summary>Several checkboxes for a list property (theme ids, partnership ids), in a fieldset.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Lay the boxes out in columns, for long lists.</summary>
    public bool Columns { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var entry = ViewContext.ViewData.ModelState[Name];
        var selected = entry?.AttemptedValue is { } attempted
            ? attempted.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            : (For.Model as System.Collections.IEnumerable)?.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)!).ToHashSet()
              ?? [];
        var describedBy = DescribedBy(Hint is not null, error is not null);
        var index = 0;
        var boxes = string.Concat(Items.Select(i =>
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Name}\" type=\"checkbox\" value=\"{E(i.Value)}\"{(selected.Contains(i.Value) ? " checked" : "")}>" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{E(i.Text)}</label></div>";
        }));
        var html = $"<fieldset class=\"govuk-fieldset\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "")}>" +
                   $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(LabelText)}</legend>{HintHtml()}{ErrorHtml(error)}" +
                   $"<div class=\"govuk-checkboxes govuk-checkboxes--small{(Columns ? " app-checkbox-columns" : "")}\" data-module=\"govuk-checkboxes\">{boxes}</div></fieldset>";
        WriteGroup(output, html, error);
    }
}

/// <summary>
/// The GOV.UK date input for a <see cref="DateOnly"/> property: day, month and year fields in a fieldset
/// whose legend is the label. <see cref="DateInputModelBinder"/> binds them; after a failed post the parts
/// the person typed are shown again and only the wrong ones are marked.
/// </summary>
[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateTagHelper : GovukFieldTagHelper
{
    /// <summary>The legend (the same as label).</summary>
    public string? Legend { get => Label; set => Label = value; }

    /// <summary>The example date of the hint, day month year as people type it.</summary>
    public string Example { get; set; } = "27 3 2027";

    private DateParts _wrong;

    protected override string FocusId => $"{Id}_{DateInput.PartNames[_wrong switch
    {
        var w when w.HasFlag(DateParts.Day) || w == DateParts.None => 0,
        var w when w.HasFlag(DateParts.Month) => 1,
        _ => 2,
    }]}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var parts = Parts();
        // A part-level message marks only the parts it is about; any other error (required, a rule) marks the whole date.
        _wrong = error is null ? DateParts.None
            : DateInput.Read(parts[0], parts[1], parts[2], "").Wrong is var wrong and not DateParts.None ? wrong
            : DateParts.All;
        var hint = Hint is null ? $"For example, {Example}" : $"{Hint.TrimEnd('.')}. For example, {Example}";
        var describedBy = DescribedBy(true, error is not null);
        var items = string.Concat(DateInput.PartNames.Select((part, i) =>
        {
            var width = i == 2 ? "govuk-input--width-4" : "govuk-input--width-2";
            var isWrong = _wrong.HasFlag(Enum.Parse<DateParts>(part));
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
                   $"<label class=\"govuk-label govuk-date-input__label\" for=\"{Id}_{part}\">{part}</label>" +
                   $"<input class=\"govuk-input govuk-date-input__input {width}{(isWrong ? " govuk-input--error" : "")}\" id=\"{Id}_{part}\" " +
                   $"name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(parts[i])}\"></div></div>";
        }));
        var legend = LabelIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(LabelText)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(LabelText)}</legend>";
        var html = $"<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"{describedBy}\">{legend}" +
                   $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(hint)}</div>{ErrorHtml(error)}" +
                   $"<div class=\"govuk-date-input\" id=\"{Id}\">{items}</div></fieldset>";
        WriteGroup(output, html, error);
    }

    /// <summary>Day, month and year as typed when the form came back, else from the model.</summary>
    private string[] Parts()
    {
        var modelState = ViewContext.ViewData.ModelState;
        var typed = DateInput.PartNames.Select(p => modelState[$"{Name}.{p}"]).ToArray();
        if (typed.Any(e => e is not null))
        {
            return typed.Select(e => e?.AttemptedValue ?? "").ToArray();
        }
        return For.Model is DateOnly d
            ? [d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture)]
            : ["", "", ""];
    }
}
