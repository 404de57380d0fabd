using SQLitePCL;

namespace LspCapacity.Web.Data;

/// <summary>
/// SQLite's process-wide settings, made once before its first connection opens (SQLite ignores them after; the call
/// then returns SQLITE_MISUSE and the defaults stand, which are correct, only slower).
/// <list type="bullet">
/// <item>No memory statistics: with them, every allocation SQLite makes takes one mutex shared by every connection
/// in the process, which requests on both cores contend for.</item>
/// <item>Multi-thread mode rather than serialised: a connection no longer locks its own mutex on every call. Safe
/// because no connection is used by two threads at once: a context, its connection and its commands belong to one
/// request at a time (EF's pool and Microsoft.Data.Sqlite's pool hand each to one caller), and a statement is finalised
/// when its connection closes, never by another thread while the connection is in use.</item>
/// </list>
/// Measured on the national data set: 10–30 % less CPU per request on the pages that spend most in SQLite (the
/// catalogue's filtered past, the programme plan), nothing measurable on the others (docs/performance.md).
/// </summary>
public static class SqliteEngine
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }
        Batteries_V2.Init();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
    }
}
