using System.Globalization;

namespace LspCapacity.Web.Domain.Needs;

public enum ResponseStatus
{
    Draft = 1,
    Submitted = 2,
}

/// <summary>
/// What one person posted for one question: the field's value (a rating, the option chosen or the
/// text), the options ticked (multiple choice), and the answer as the form showed it to them when they
/// began, as its <see cref="AnswerStamp"/>.
/// </summary>
public sealed record PostedAnswer(string? Value, IReadOnlyList<string> Choices, string Shown)
{
    /// <summary>A question whose field was not posted: left as it was shown (empty).</summary>
    public static readonly PostedAnswer Untouched = new(null, [], "");
}

/// <summary>What saving a section did: how many answers changed, and the questions a colleague changed meanwhile.</summary>
public sealed record SectionSave(int Changed, IReadOnlyList<Question> Conflicts);

/// <summary>An answer as one comparable string, so what was shown, what is stored and what was posted can be compared.</summary>
public static class AnswerStamp
{
    public static string Of(Question question, Answer? answer) => answer is null
        ? ""
        : question.Kind switch
        {
            QuestionKind.Rating => answer.Rating?.ToString(CultureInfo.InvariantCulture) ?? "",
            QuestionKind.FreeText => answer.Text ?? "",
            _ => string.Join("|", answer.Choices),
        };

    public static string Of(Question question, string? value, IReadOnlyList<string> choices) => question.Kind switch
    {
        QuestionKind.Rating => value?.Trim() ?? "",
        QuestionKind.FreeText => string.IsNullOrWhiteSpace(value) ? "" : value.Trim(),
        _ => string.Join("|", choices),
    };
}

/// <summary>
/// One partnership's answers to a survey: drafted by any of its staff, saved as they go, submitted
/// once by one of them, read-only afterwards unless a coordinator reopens it.
/// </summary>
public class SurveyResponse
{
    private readonly List<Answer> _answers = [];

    private SurveyResponse() { }

    public SurveyResponse(int surveyId, int partnershipId, DateTime now)
    {
        SurveyId = surveyId;
        PartnershipId = partnershipId;
        Status = ResponseStatus.Draft;
        StartedAt = now;
    }

    public int Id { get; private set; }
    public int SurveyId { get; private set; }
    public int PartnershipId { get; private set; }
    public ResponseStatus Status { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? SubmittedById { get; private set; }
    public IReadOnlyList<Answer> Answers => _answers;

    /// <summary>Records one answer (validated against its question). Returns false when nothing changed.</summary>
    public bool Answer(Question question, int? rating, string? text, IReadOnlyList<string>? choices, string personId, DateTime now, Survey survey)
    {
        EnsureEditable(survey, now);
        choices ??= [];
        switch (question.Kind)
        {
            case QuestionKind.Rating when rating is not null and (< 1 or > 5):
                throw new DomainException("Choose a rating from 1 to 5.");
            case QuestionKind.SingleChoice when choices.Count > 1:
                throw new DomainException("Choose one option.");
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice when choices.Any(c => !question.Options.Contains(c)):
                throw new DomainException("Choose from the options given.");
            case QuestionKind.FreeText when Guard.Optional(text) is { Length: > Needs.Answer.MaxTextLength }:
                throw new DomainException("Answers must be 4,000 characters or fewer.");
        }
        var answer = _answers.FirstOrDefault(a => a.QuestionId == question.Id);
        if (answer is null)
        {
            answer = new Answer(question.Id);
            _answers.Add(answer);
        }
        return answer.Set(question.Kind == QuestionKind.Rating ? rating : null,
            question.Kind == QuestionKind.FreeText ? Guard.Optional(text) : null,
            question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? choices.ToList() : [],
            personId, now);
    }

    /// <summary>
    /// Saves one section as a person posted it, merged with what colleagues saved since the form was
    /// shown to them. An answer they left as shown keeps whatever is stored now (a colleague's change
    /// stands). One they changed is saved, unless a colleague has meanwhile changed it to something else:
    /// then the colleague's answer stays and the question is returned as a conflict, for the person to
    /// check. Questions not posted count as left as shown.
    /// </summary>
    public SectionSave SaveSection(Survey survey, int sectionId, IReadOnlyDictionary<int, PostedAnswer> posted, string personId, DateTime now)
    {
        var section = survey.Sections.SingleOrDefault(s => s.Id == sectionId)
                      ?? throw new DomainException("That section is not in this survey.");
        var changed = 0;
        var conflicts = new List<Question>();
        foreach (var question in section.Questions)
        {
            var input = posted.GetValueOrDefault(question.Id) ?? PostedAnswer.Untouched;
            IReadOnlyList<string> choices = question.Kind switch
            {
                QuestionKind.MultipleChoice => input.Choices,
                QuestionKind.SingleChoice when !string.IsNullOrEmpty(input.Value) => [input.Value],
                _ => [],
            };
            var mine = AnswerStamp.Of(question, input.Value, choices);
            if (mine == input.Shown)
            {
                continue; // this person did not touch it: keep whatever a colleague saved meanwhile
            }
            var stored = AnswerStamp.Of(question, _answers.FirstOrDefault(a => a.QuestionId == question.Id));
            if (stored != input.Shown && stored != mine)
            {
                conflicts.Add(question); // a colleague changed the same answer since the form was shown
                continue;
            }
            int? rating = null;
            if (question.Kind == QuestionKind.Rating && mine.Length > 0)
            {
                rating = int.TryParse(mine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
                    ? r
                    : throw new DomainException("Choose a rating from 1 to 5.");
            }
            if (Answer(question, rating, input.Value, choices, personId, now, survey))
            {
                changed++;
            }
        }
        return new SectionSave(changed, conflicts);
    }

    /// <summary>The required questions still unanswered.</summary>
    public IReadOnlyList<Question> Missing(Survey survey) =>
        survey.Sections.SelectMany(s => s.Questions)
            .Where(q => q.Required && _answers.FirstOrDefault(a => a.QuestionId == q.Id) is not { IsAnswered: true })
            .ToList();

    public void Submit(Survey survey, string personId, DateTime now)
    {
        EnsureEditable(survey, now);
        var missing = Missing(survey);
        if (missing.Count > 0)
        {
            throw new DomainException($"Answer every required question before submitting ({missing.Count} still to answer).");
        }
        Status = ResponseStatus.Submitted;
        SubmittedAt = now;
        SubmittedById = personId;
    }

    /// <summary>A coordinator reopens a submitted response so the partnership can change it.</summary>
    public void Reopen(Survey survey, DateTime now)
    {
        if (Status != ResponseStatus.Submitted)
        {
            throw new DomainException("Only a submitted response can be reopened.");
        }
        if (!survey.IsOpenAt(now))
        {
            throw new DomainException("The survey is closed: a response cannot be reopened.");
        }
        Status = ResponseStatus.Draft;
        SubmittedAt = null;
        SubmittedById = null;
    }

    private void EnsureEditable(Survey survey, DateTime now)
    {
        if (survey.Id != SurveyId && survey.Id != 0)
        {
            throw new DomainException("That is another survey.");
        }
        if (!survey.IsOpenAt(now))
        {
            throw new DomainException("This survey is not open: it accepts no answers.");
        }
        if (Status == ResponseStatus.Submitted)
        {
            throw new DomainException("This response has been submitted. Ask your coordinator to reopen it to make changes.");
        }
    }
}

public class Answer
{
    private Answer() { }

    internal Answer(int questionId) => QuestionId = questionId;

    /// <summary>The longest free-text answer (the column's length on both engines).</summary>
    public const int MaxTextLength = 4000;

    public int Id { get; private set; }
    public int ResponseId { get; private set; }
    public int QuestionId { get; private set; }
    public int? Rating { get; private set; }
    public string? Text { get; private set; }
    public List<string> Choices { get; private set; } = [];
    public string? UpdatedById { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    public bool IsAnswered => Rating is not null || !string.IsNullOrWhiteSpace(Text) || Choices.Count > 0;

    internal bool Set(int? rating, string? text, List<string> choices, string personId, DateTime now)
    {
        if (Rating == rating && Text == text && Choices.SequenceEqual(choices))
        {
            return false;
        }
        Rating = rating;
        Text = text;
        Choices = choices;
        UpdatedById = personId;
        UpdatedAt = now;
        return true;
    }
}
