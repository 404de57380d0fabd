namespace LspCapacity.Web.Domain.Programme;

/// <summary>A Government Office region; coordinators work inside one.</summary>
public class Region
{
    private Region() { }

    public Region(string code, string name)
    {
        Code = Guard.Required(code, nameof(code));
        Name = Guard.Required(name, nameof(name));
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = Guard.Required(name, nameof(name));
}
