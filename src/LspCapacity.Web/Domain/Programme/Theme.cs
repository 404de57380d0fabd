namespace LspCapacity.Web.Domain.Programme;

/// <summary>A capacity area (performance management, community engagement, …). Every module links to themes.</summary>
public class Theme
{
    private Theme() { }

    public Theme(string code, string name, string description, int position)
    {
        Code = Guard.Required(code, nameof(code));
        Update(name, description, position);
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Position { get; private set; }
    public bool IsActive { get; private set; }

    public void Update(string name, string description, int position)
    {
        Name = Guard.Required(name, nameof(name));
        Description = description?.Trim() ?? "";
        Position = position;
    }

    /// <summary>No longer offered for new records; everything already linked to it keeps it.</summary>
    public void Retire() => IsActive = false;

    public void Reinstate() => IsActive = true;
}
