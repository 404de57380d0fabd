namespace LspCapacity.Web.Domain.Audit;

/// <summary>Who did what, when, to which record. Written in the same transaction as the change.</summary>
public class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTime at, string? actorId, string action, string entityType, string entityId, string? details)
    {
        At = at;
        ActorId = actorId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>The user who acted; null for the system (jobs, seed).</summary>
    public string? ActorId { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Details { get; private set; }
}
