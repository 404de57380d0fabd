namespace LspCapacity.Web.Domain.Programme;

/// <summary>A Government Office region; coordinators work inside one.</summary>
public class Region
{
    private Region() { }

    public Region(string code, string name, string? nameInSentence = null)
    {
        Code = Guard.Required(code, nameof(code));
        Name = Guard.Required(name, nameof(name));
        SetNameInSentence(nameInSentence);
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>
    /// The name as it reads in a sentence, with its article where English needs one ("in the West Midlands",
    /// but "in Yorkshire and the Humber"); null when that is the name itself. Queries read it as
    /// <c>NameInSentence ?? Name</c>.
    /// </summary>
    public string? NameInSentence { get; private set; }

    /// <summary>"in the West Midlands", "in London".</summary>
    public string InSentence => NameInSentence ?? Name;

    public void Rename(string name) => Name = Guard.Required(name, nameof(name));

    public void SetNameInSentence(string? nameInSentence)
    {
        var value = Guard.Optional(nameInSentence);
        NameInSentence = value == Name ? null : value;
    }
}
