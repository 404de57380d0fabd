using LspCapacity.Web.Email;

namespace LspCapacity.Tests.Domain;

/// <summary>Builds outbox rows for domain tests.</summary>
internal static class OutboxMessages
{
    public static OutboxMessage New(DateTime createdAt, string key = "test:key") =>
        new(key, "person@lsp.example", "A Person", "Subject", "Text", "<p>Html</p>", createdAt, "lsp.example");
}
