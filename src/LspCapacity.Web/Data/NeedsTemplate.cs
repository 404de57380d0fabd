using System.Text.Json;
using System.Text.Json.Serialization;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Data;

/// <summary>The programme's needs-analysis template (seed/needs-template.json): a section of rating questions per theme, then general questions.</summary>
public sealed class NeedsTemplate(AppDbContext db, IOptions<SeedOptions> options)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter() } };

    public async Task<Survey> CreateSurveyAsync(int regionId, string title, SurveyRound round, int? baselineSurveyId, DateTime now,
        CancellationToken cancellationToken)
    {
        var folder = Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(AppContext.BaseDirectory, options.Value.Folder);
        await using var stream = File.OpenRead(Path.Combine(folder, "needs-template.json"));
        var template = await JsonSerializer.DeserializeAsync<TemplateFile>(stream, Json, cancellationToken)
                       ?? throw new InvalidOperationException("The needs template is empty.");
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, cancellationToken);

        var survey = new Survey(regionId, title, round, baselineSurveyId, now);
        foreach (var seed in template.Sections)
        {
            var theme = themes[seed.Theme];
            var section = survey.AddSection(theme.Name, theme.Id, template.Intro);
            foreach (var question in seed.Questions)
            {
                section.AddQuestion(QuestionKind.Rating, question, required: true, help: null);
            }
        }
        var general = survey.AddSection(template.General.Title, null, null);
        foreach (var question in template.General.Questions)
        {
            general.AddQuestion(question.Kind, question.Text, question.Required, null, question.Options);
        }
        return survey;
    }

    private sealed record TemplateFile(string Title, string Intro, List<SectionSeed> Sections, GeneralSeed General);
    private sealed record SectionSeed(string Theme, List<string> Questions);
    private sealed record GeneralSeed(string Title, List<QuestionSeed> Questions);
    private sealed record QuestionSeed(QuestionKind Kind, string Text, bool Required, List<string>? Options);
}
