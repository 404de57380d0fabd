using System.Runtime.CompilerServices;

namespace LspCapacity.Tests.Support;

/// <summary>
/// A test that needs the PostgreSQL test server (<see cref="TestDatabase.Variable"/>): several web
/// nodes can only share a server database. Skipped, with the reason, on the SQLite run; <c>.ci/run</c>
/// runs the suite on PostgreSQL too, so CI runs these every time.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"Needs PostgreSQL: set {TestDatabase.Variable} (scripts/postgres-local prints one)";
        }
    }
}
