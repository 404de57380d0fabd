using Microsoft.Data.Sqlite;

namespace LspCapacity.Bench.Generator;

/// <summary>
/// One prepared INSERT reused for every row of a table, inside the caller's transaction: the fast
/// way to load SQLite (hundreds of thousands of rows a second), with no change tracking.
/// </summary>
public sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    public int Rows { get; private set; }

    public void Row(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Enum e => e.ToString(), // enums are stored by name (HasConversion<string>)
                var v => v,
            };
        }
        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
