using System.Net;
using AngleSharp;
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
        IReadOnlyDictionary<string, string> values, string formSelector = "main form", string? submitName = null)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(document, url, values, formSelector, submitName);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument document, string pageUrl,
        IReadOnlyDictionary<string, string> values, string formSelector = "main form", string? submitName = null)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
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
                case IHtmlButtonElement button when submitName is not null && button.Name == submitName:
                    fields.Add(new(button.Name, button.Value));
                    break;
            }
        }
        var checkable = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type is "checkbox" or "radio").Select(i => i.Name).ToHashSet();
        foreach (var (name, value) in values)
        {
            if (!checkable.Contains(name))
            {
                fields.Add(new(name, value));
            }
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The GOV.UK error summary's messages, empty when there is none.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The value a field shows, to check the person's input was kept.</summary>
    public static string? FieldValue(this IHtmlDocument document, string name) =>
        document.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement textarea => textarea.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };
}
