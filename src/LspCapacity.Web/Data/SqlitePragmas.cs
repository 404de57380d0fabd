using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LspCapacity.Web.Data;

/// <summary>
/// Sets SQLite's per-connection pragmas: wait for a busy writer rather than failing at once, and the
/// durability that WAL mode makes safe. WAL itself is persistent and set once at start-up.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
