using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;

namespace LspCapacity.Tests.Domain.Needs;

/// <summary>
/// Two colleagues draft one partnership's response at once: each save keeps what the other saved
/// meanwhile, and an answer both changed is left as the first saved it and returned as a conflict.
/// </summary>
public class ResponseSectionSaveTests
{
    private const int SectionId = 7;
    private const int Rating = 71, Text = 72, Single = 73, Multiple = 74;
    private const string Alex = "alex", Sam = "sam";
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private readonly Survey _survey = OpenSurvey();
    private readonly SurveyResponse _response = new(0, 3, Now);

    private static Survey OpenSurvey()
    {
        var survey = new Survey(1, "Needs analysis", SurveyRound.Baseline, null, Now.AddDays(-1));
        var section = SetId(survey.AddSection("Governance", 1, null), SectionId);
        SetId(section.AddQuestion(QuestionKind.Rating, "The board works.", required: true, help: null), Rating);
        SetId(section.AddQuestion(QuestionKind.FreeText, "What would help?", required: false, help: null), Text);
        SetId(section.AddQuestion(QuestionKind.SingleChoice, "Who chairs it?", required: false, help: null, ["Council", "Partner"]), Single);
        SetId(section.AddQuestion(QuestionKind.MultipleChoice, "Who attends?", required: false, help: null, ["Police", "Health", "Voluntary"]), Multiple);
        survey.Open(Now.AddHours(-1), Now.AddDays(30), Now);
        return survey;
    }

    private static T SetId<T>(T entity, int id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }

    private SectionSave Save(string person, params (int Question, PostedAnswer Answer)[] posted) =>
        _response.SaveSection(_survey, SectionId, posted.ToDictionary(p => p.Question, p => p.Answer), person, Now);

    private static PostedAnswer Value(string? value, string shown = "") => new(value, [], shown);

    private string Stored(int questionId)
    {
        var question = _survey.Sections.Single().Questions.Single(q => q.Id == questionId);
        return AnswerStamp.Of(question, _response.Answers.FirstOrDefault(a => a.QuestionId == questionId));
    }

    [Fact]
    public void SaveSection_AnswersEveryKindOfQuestion_AndCountsTheChanges()
    {
        var saved = Save(Alex, (Rating, Value("2")), (Text, Value("  Shared data  ")), (Single, Value("Partner")),
            (Multiple, new PostedAnswer(null, ["Police", "Health"], "")));

        Assert.Equal(4, saved.Changed);
        Assert.Empty(saved.Conflicts);
        Assert.Equal(("2", "Shared data", "Partner", "Police|Health"), (Stored(Rating), Stored(Text), Stored(Single), Stored(Multiple)));
        Assert.All(_response.Answers, a => Assert.Equal(Alex, a.UpdatedById));
    }

    [Fact]
    public void SaveSection_AnswerLeftAsShown_KeepsWhatAColleagueSavedMeanwhile()
    {
        // Both opened the empty form; Sam saves a rating first, then Alex saves only the text.
        Save(Sam, (Rating, Value("4")));
        var saved = Save(Alex, (Rating, Value("", shown: "")), (Text, Value("More analysts")));

        Assert.Equal(1, saved.Changed);
        Assert.Empty(saved.Conflicts);
        Assert.Equal("4", Stored(Rating));
        Assert.Equal(Sam, _response.Answers.Single(a => a.QuestionId == Rating).UpdatedById);
    }

    [Fact]
    public void SaveSection_AnswerBothChanged_KeepsTheFirstAndReturnsAConflict()
    {
        Save(Sam, (Rating, Value("4")));
        var saved = Save(Alex, (Rating, Value("2", shown: "")), (Text, Value("More analysts")));

        var conflict = Assert.Single(saved.Conflicts);
        Assert.Equal(Rating, conflict.Id);
        Assert.Equal("4", Stored(Rating));
        Assert.Equal("More analysts", Stored(Text)); // the rest of the section is still saved
        Assert.Equal(1, saved.Changed);
    }

    [Fact]
    public void SaveSection_BothChangedToTheSameAnswer_IsNoConflict()
    {
        Save(Sam, (Rating, Value("4")));
        var saved = Save(Alex, (Rating, Value("4", shown: "")));

        Assert.Empty(saved.Conflicts);
        Assert.Equal(0, saved.Changed);
    }

    [Fact]
    public void SaveSection_ChangingWhatWasShown_OverwritesIt()
    {
        Save(Sam, (Rating, Value("4")));
        var saved = Save(Alex, (Rating, Value("3", shown: "4")));

        Assert.Empty(saved.Conflicts);
        Assert.Equal("3", Stored(Rating));
    }

    [Fact]
    public void SaveSection_ClearingAnAnswer_ClearsIt()
    {
        Save(Sam, (Text, Value("First thoughts")));
        Save(Alex, (Text, Value("   ", shown: "First thoughts")));

        Assert.Equal("", Stored(Text));
    }

    [Theory]
    [InlineData("six")]
    [InlineData("6")]
    public void SaveSection_ARatingOutOfRange_IsRefused(string rating) =>
        Assert.Equal("Choose a rating from 1 to 5.", Assert.Throws<DomainException>(() => Save(Alex, (Rating, Value(rating)))).Message);

    [Fact]
    public void SaveSection_AnOptionNotOffered_IsRefused() =>
        Assert.Throws<DomainException>(() => Save(Alex, (Multiple, new PostedAnswer(null, ["Fire"], ""))));

    [Fact]
    public void SaveSection_OfASubmittedResponse_IsRefused()
    {
        Save(Alex, (Rating, Value("3")));
        _response.Submit(_survey, Alex, Now);
        Assert.StartsWith("This response has been submitted", Assert.Throws<DomainException>(() => Save(Sam, (Rating, Value("5", shown: "3")))).Message);
    }

    [Fact]
    public void SaveSection_ASectionOfAnotherSurvey_IsRefused() =>
        Assert.Throws<DomainException>(() => _response.SaveSection(_survey, SectionId + 1, new Dictionary<int, PostedAnswer>(), Alex, Now));
}
