using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace LspCapacity.Web.Email;

/// <summary>A rendered email: subject, plain text and HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// Email templates are embedded files under Email/Templates: {name}.txt (first line "Subject: …") and
/// {name}.html. Placeholders are {{Key}}; values are HTML-encoded in the HTML body. The HTML body is
/// wrapped in _layout.html.
/// </summary>
public static partial class EmailTemplates
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static RenderedEmail Render(string name, IReadOnlyDictionary<string, string?> values)
    {
        var text = Load($"{name}.txt");
        var newline = text.IndexOf('\n');
        var subjectLine = text[..newline].Trim();
        if (!subjectLine.StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Email template {name}.txt must start with a Subject: line.");
        }
        var subject = Fill(subjectLine["Subject:".Length..].Trim(), values, encode: false);
        var body = Fill(text[(newline + 1)..].TrimStart('\r', '\n'), values, encode: false);
        var html = Load("_layout.html")
            .Replace("{{Subject}}", WebUtility.HtmlEncode(subject), StringComparison.Ordinal)
            .Replace("{{Body}}", Fill(Load($"{name}.html"), values, encode: true), StringComparison.Ordinal);
        return new RenderedEmail(subject, body, html);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string?> values, bool encode) =>
        Placeholder().Replace(template, m =>
        {
            if (!values.TryGetValue(m.Groups[1].Value, out var value))
            {
                throw new InvalidOperationException($"Email template needs a value for {m.Groups[1].Value}.");
            }
            return encode ? WebUtility.HtmlEncode(value ?? "") : value ?? "";
        });

    private static string Load(string file) => Cache.GetOrAdd(file, f =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = $"LspCapacity.Web.Email.Templates.{f}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No email template {f}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
