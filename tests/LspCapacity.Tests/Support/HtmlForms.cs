using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LspCapacity.Tests.Support;

/// <summary>Reads pages and submits their forms as a browser would, antiforgery token included.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}");
        }
        return await Parser.ParseDocumentAsync(html);
    }

    public static Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync().ContinueWith(t => Parser.ParseDocument(t.Result));

    /// <summary>
    /// Opens <paramref name="url"/>, takes the form (the first one inside main, or the one matching
    /// <paramref name="formSelector"/>), sets the given fields and submits it with everything else it
    /// holds (hidden fields, the antiforgery token, current values).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url,
        IReadOnlyDictionary<string, string> values, string formSelector = "main form", string? button = null)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(document, url, values, formSelector, button);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument document, string pageUrl,
        IReadOnlyDictionary<string, string> values, string formSelector = "main form", string? button = null)
    {
        // With a button text, the form is the one holding that button, and the button's formaction wins.
        var submit = button is null
            ? null
            : document.QuerySelectorAll(formSelector == "main form" ? "main form button" : formSelector + " button")
                .OfType<IHtmlButtonElement>()
                .FirstOrDefault(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal))
              ?? throw new InvalidOperationException($"No button '{button}' on {pageUrl}");
        var form = (submit?.Form ?? document.QuerySelector(formSelector)) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        return await client.SubmitAsync(form, pageUrl, values, submit);
    }

    /// <summary>Submits this form of a page, by <paramref name="submit"/> when given (its name, value and formaction count).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IReadOnlyDictionary<string, string> values, IHtmlButtonElement? submit = null)
    {
        values = TypeDates(form, values);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (values.ContainsKey(input.Name) ? values[input.Name] == input.Value : input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (!values.ContainsKey(input.Name) || input.Type == "hidden" && input.Name == "__RequestVerificationToken")
                    {
                        fields.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textarea when !string.IsNullOrEmpty(textarea.Name) && !values.ContainsKey(textarea.Name):
                    fields.Add(new(textarea.Name, textarea.Value));
                    break;
                case IHtmlButtonElement b when b == submit && !string.IsNullOrEmpty(b.Name):
                    fields.Add(new(b.Name, b.Value));
                    break;
            }
        }
        var checkable = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type is "checkbox" or "radio").ToLookup(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            // A value no box or radio offers is sent anyway, as a hand-crafted request would.
            if (!checkable.Contains(name) || !checkable[name].Contains(value))
            {
                fields.Add(new(name, value));
            }
        }
        var action = submit?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
            : string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl
            : form.GetAttribute("action")!;
        // Relative actions resolve against the page, as a browser does.
        var resolved = new Uri(new Uri(new Uri("http://localhost"), pageUrl), action).PathAndQuery;
        return await client.PostAsync(resolved, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// A date given as one value ("2027-03-27", or "" to clear it) for a GOV.UK date input is typed into its
    /// day, month and year fields as a person would ("27", "3", "2027"). Anything else must name the parts.
    /// </summary>
    private static IReadOnlyDictionary<string, string> TypeDates(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var names = form.Elements.OfType<IHtmlInputElement>().Select(i => i.Name).ToHashSet();
        if (!values.Keys.Any(k => !names.Contains(k) && names.Contains(k + ".Day")))
        {
            return values;
        }
        // The parts a test names itself win over those of a whole date.
        var typed = values.Where(v => names.Contains(v.Key) || !names.Contains(v.Key + ".Day")).ToDictionary();
        foreach (var (name, value) in values.Where(v => !typed.ContainsKey(v.Key)))
        {
            var parts = value.Length == 0 ? ["", "", ""]
                : DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? new[] { date.Day.ToString(), date.Month.ToString(), date.Year.ToString() }
                : throw new ArgumentException($"'{value}' for the date input {name}: give {name}.Day, {name}.Month and {name}.Year for anything but a yyyy-MM-dd date");
            typed.TryAdd(name + ".Day", parts[0]);
            typed.TryAdd(name + ".Month", parts[1]);
            typed.TryAdd(name + ".Year", parts[2]);
        }
        return typed;
    }

    /// <summary>
    /// Posts to <paramref name="postUrl"/> with a valid antiforgery token taken from any form on
    /// <paramref name="tokenPageUrl"/>: how a signed-in person would forge a request for a button they are not shown.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string tokenPageUrl, string postUrl,
        IReadOnlyDictionary<string, string>? values = null)
    {
        var document = await client.GetDocumentAsync(tokenPageUrl);
        var token = document.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPageUrl}");
        var fields = new List<KeyValuePair<string, string>> { new(token.Name!, token.Value) };
        fields.AddRange(values ?? new Dictionary<string, string>());
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    /// <summary>The GOV.UK error summary's messages, empty when there is none.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>
    /// The value a field shows, to check the person's input was kept. A GOV.UK date input shows its day,
    /// month and year: "27 3 2027".
    /// </summary>
    public static string? FieldValue(this IHtmlDocument document, string name) =>
        document.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement textarea => textarea.Value,
            IHtmlSelectElement select => select.Value,
            null when document.QuerySelector($"[name='{name}.Day']") is not null =>
                string.Join(" ", new[] { "Day", "Month", "Year" }.Select(p => (document.QuerySelector($"[name='{name}.{p}']") as IHtmlInputElement)?.Value)),
            _ => null,
        };
}
