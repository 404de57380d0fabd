namespace LspCapacity.Web.Domain;

/// <summary>A rule of the domain was broken; pages turn this into a validation message.</summary>
public class DomainException(string message) : Exception(message);

internal static class Guard
{
    public static string Required(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{name} is required.");
        }
        return value.Trim();
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
