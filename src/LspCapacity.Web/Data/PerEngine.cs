using System.Collections.Concurrent;

namespace LspCapacity.Web.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) kept once per engine. EF compiles a query for the first context it runs
/// on and reuses that SQL with every context after, so a process that holds contexts of both engines (the move from
/// SQLite to PostgreSQL, and its test) would send SQLite's SQL to PostgreSQL. Keyed by the context's type, one per engine.
/// </summary>
public sealed class PerEngine<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _compiled = new();

    public TQuery For(AppDbContext db) => _compiled.GetOrAdd(db.GetType(), _ => compile());
}
