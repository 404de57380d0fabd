namespace LspCapacity.Web.Domain.Needs;

public enum SurveyStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

public enum SurveyRound
{
    /// <summary>The first, systematic needs analysis.</summary>
    Baseline = 1,

    /// <summary>Asked again later: the difference is the distance travelled.</summary>
    FollowUp = 2,
}

public enum QuestionKind
{
    /// <summary>Self-assessed capacity, 1 (little) to 5 (strong).</summary>
    Rating = 1,
    SingleChoice = 2,
    MultipleChoice = 3,
    FreeText = 4,
}

public enum NeedLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// A needs-analysis survey of every partnership in a region: sections by theme, questions of four
/// kinds. Questions can change only while it is a draft; once opened they are frozen, so every
/// partnership answers the same thing.
/// </summary>
public class Survey
{
    public static readonly IReadOnlyList<string> RatingLabels =
    [
        "1 – no capacity yet",
        "2 – early stages",
        "3 – developing",
        "4 – established",
        "5 – strong, could help others",
    ];

    private readonly List<SurveySection> _sections = [];

    private Survey() { }

    public Survey(int regionId, string title, SurveyRound round, int? baselineSurveyId, DateTime now)
    {
        RegionId = regionId;
        Title = Guard.Required(title, "Title");
        Round = Enum.IsDefined(round) ? round : throw new DomainException("Choose the round.");
        if (round == SurveyRound.FollowUp && baselineSurveyId is null)
        {
            throw new DomainException("A follow-up survey needs the baseline it is compared with.");
        }
        BaselineSurveyId = round == SurveyRound.FollowUp ? baselineSurveyId : null;
        Status = SurveyStatus.Draft;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public string Title { get; private set; } = "";
    public SurveyRound Round { get; private set; }
    public int? BaselineSurveyId { get; private set; }
    public SurveyStatus Status { get; private set; }

    /// <summary>UTC instant it opened (the start of its first day, UK time).</summary>
    public DateTime? OpensAt { get; private set; }

    /// <summary>UTC instant answers stop being accepted (the end of its last day, UK time).</summary>
    public DateTime? ClosesAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<SurveySection> Sections => _sections;

    public bool IsOpenAt(DateTime now) => Status == SurveyStatus.Open && now >= OpensAt && now < ClosesAt;

    public SurveySection AddSection(string title, int? themeId, string? help)
    {
        EnsureDraft();
        var section = new SurveySection(_sections.Count + 1, title, themeId, help);
        _sections.Add(section);
        return section;
    }

    public Question UpdateQuestion(int questionId, string text, bool required, string? help, IReadOnlyList<string>? options)
    {
        EnsureDraft();
        var question = FindQuestion(questionId);
        question.Update(text, required, help, options ?? []);
        return question;
    }

    public void RemoveQuestion(int questionId)
    {
        EnsureDraft();
        var question = FindQuestion(questionId);
        _sections.Single(s => s.Questions.Contains(question)).Remove(question);
    }

    private Question FindQuestion(int questionId) =>
        _sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Id == questionId)
        ?? throw new DomainException("That question is not part of this survey.");

    public void Open(DateTime opensAt, DateTime closesAt, DateTime now)
    {
        if (Status != SurveyStatus.Draft)
        {
            throw new DomainException("Only a draft survey can be opened.");
        }
        if (closesAt <= opensAt)
        {
            throw new DomainException("The survey must close after it opens.");
        }
        if (closesAt <= now)
        {
            throw new DomainException("The close date must be in the future.");
        }
        if (!_sections.SelectMany(s => s.Questions).Any())
        {
            throw new DomainException("Add at least one question before opening the survey.");
        }
        OpensAt = opensAt;
        ClosesAt = closesAt;
        Status = SurveyStatus.Open;
    }

    public void Close(DateTime now)
    {
        if (Status != SurveyStatus.Open)
        {
            throw new DomainException("Only an open survey can be closed.");
        }
        Status = SurveyStatus.Closed;
        if (ClosesAt > now)
        {
            ClosesAt = now;
        }
    }

    internal void EnsureDraft()
    {
        if (Status != SurveyStatus.Draft)
        {
            throw new DomainException("The questions of a survey are frozen once it has opened.");
        }
    }

    /// <summary>
    /// Need level from self-assessed capacity ratings: a mean of 2.5 or less is a high need, up to
    /// 3.5 a medium need, above that a low need. Null when nothing was rated.
    /// </summary>
    public static NeedLevel? NeedFrom(double? meanRating) => meanRating switch
    {
        null => null,
        <= 2.5 => NeedLevel.High,
        <= 3.5 => NeedLevel.Medium,
        _ => NeedLevel.Low,
    };
}

public class SurveySection
{
    private readonly List<Question> _questions = [];

    private SurveySection() { }

    internal SurveySection(int position, string title, int? themeId, string? help)
    {
        Position = position;
        Title = Guard.Required(title, "Section title");
        ThemeId = themeId;
        Help = Guard.Optional(help);
    }

    public int Id { get; private set; }
    public int SurveyId { get; private set; }
    public Survey? Survey { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The theme whose need the section's ratings measure; null for general questions.</summary>
    public int? ThemeId { get; private set; }
    public string? Help { get; private set; }
    public IReadOnlyList<Question> Questions => _questions;

    public Question AddQuestion(QuestionKind kind, string text, bool required, string? help, IReadOnlyList<string>? options = null)
    {
        Survey?.EnsureDraft();
        var question = new Question(_questions.Count == 0 ? 1 : _questions.Max(q => q.Position) + 1, kind, text, required, help, options ?? []);
        _questions.Add(question);
        return question;
    }

    internal void Remove(Question question) => _questions.Remove(question);
}

public class Question
{
    private Question() { }

    internal Question(int position, QuestionKind kind, string text, bool required, string? help, IReadOnlyList<string> options)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of question.");
        }
        Position = position;
        Kind = kind;
        Update(text, required, help, options);
    }

    internal void Update(string text, bool required, string? help, IReadOnlyList<string> options)
    {
        var cleaned = options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        if (Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && cleaned.Count < 2)
        {
            throw new DomainException("A choice question needs at least two different options.");
        }
        Text = Guard.Required(text, "Question");
        Required = required;
        Help = Guard.Optional(help);
        Options = Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? cleaned : [];
    }

    public int Id { get; private set; }
    public int SectionId { get; private set; }
    public int Position { get; private set; }
    public QuestionKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public bool Required { get; private set; }
    public string? Help { get; private set; }
    public List<string> Options { get; private set; } = [];
}
