using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace LspCapacity.Web.Data;

/// <summary>
/// Moves an installation from SQLite to PostgreSQL: creates the schema on an empty PostgreSQL
/// database with its own migration set, then copies every table of the model, row for row with the
/// same keys, in one transaction (foreign keys checked at commit), sets the identity sequences past
/// the copied keys, and compares the row counts. Run it with the app stopped:
/// <c>dotnet run --project src/LspCapacity.Web -- copy-to-postgres "Host=…;Database=…"</c>.
/// </summary>
public sealed class SqliteToPostgres(AppDbContext source, TimeProvider clock, ILogger<SqliteToPostgres> logger)
{
    public const string Command = "copy-to-postgres";

    /// <summary>Rows per table, as counted in both databases after the copy.</summary>
    public sealed record TableCount(string Table, long Source, long Target)
    {
        public bool Matches => Source == Target;
    }

    /// <summary>A copy refused before anything was written, for a reason the person running it can act on.</summary>
    public sealed class RefusedException(string message) : Exception(message);

    /// <summary>
    /// The <c>copy-to-postgres</c> command: copies, prints each table's row count on both sides, and
    /// returns the exit code: 0 when every count matches, 1 when one differs or the copy was refused
    /// (then one sentence saying why, not a stack trace).
    /// </summary>
    public async Task<int> RunAsync(string targetConnectionString, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TableCount> counts;
        try
        {
            counts = await CopyAsync(targetConnectionString, cancellationToken);
        }
        catch (RefusedException refused)
        {
            await errors.WriteLineAsync(refused.Message);
            return 1;
        }
        foreach (var count in counts)
        {
            await output.WriteLineAsync($"{count.Table,-40} {count.Source,10} {count.Target,10} {(count.Matches ? "" : "MISMATCH")}");
        }
        return counts.All(c => c.Matches) ? 0 : 1;
    }

    public async Task<IReadOnlyList<TableCount>> CopyAsync(string targetConnectionString, CancellationToken cancellationToken = default)
    {
        if (!source.Database.IsSqlite())
        {
            throw new RefusedException("copy-to-postgres copies from this installation's SQLite database: run it with Database:Provider set to Sqlite.");
        }
        await source.Database.MigrateAsync(cancellationToken); // the source schema must be the current one

        await using (var target = new PostgresAppDbContext(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(targetConnectionString).Options).LeasedTo(clock, NoOutboxSignal.Instance, WriteGate.Open))
        {
            await Databases.MigrateAsync(target, cancellationToken);
            if (await target.Regions.AnyAsync(cancellationToken) || await target.Users.AnyAsync(cancellationToken))
            {
                var where = new NpgsqlConnectionStringBuilder(targetConnectionString);
                throw new RefusedException($"Nothing was copied: the PostgreSQL database {where.Database} on {where.Host} already holds data, " +
                    "and copy-to-postgres only copies into an empty database (create a new one, or drop this one if it is a failed earlier copy).");
            }
        }

        var tables = TablesInDependencyOrder(source.Model.GetRelationalModel());
        var arrays = ArrayColumns(targetConnectionString);
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await sqlite.OpenAsync(cancellationToken);
        await using var postgres = new NpgsqlConnection(targetConnectionString);
        await postgres.OpenAsync(cancellationToken);
        await using var transaction = await postgres.BeginTransactionAsync(cancellationToken);

        // Foreign keys are checked once, at commit, so self-references need no particular row order.
        foreach (var table in tables)
        {
            foreach (var fk in table.ForeignKeyConstraints)
            {
                await ExecuteAsync(postgres, $"ALTER TABLE {Quote(table.Name)} ALTER CONSTRAINT {Quote(fk.Name)} DEFERRABLE INITIALLY DEFERRED", cancellationToken);
            }
        }
        // The one table the migrations fill (a row per data version): its rows come from the source instead.
        await ExecuteAsync(postgres, $"DELETE FROM {Quote(source.Model.FindEntityType(typeof(DataVersion))!.GetTableName()!)}", cancellationToken);
        foreach (var table in tables)
        {
            var copied = await CopyTableAsync(sqlite, postgres, table, arrays, cancellationToken);
            logger.LogInformation("Copied {Rows} rows of {Table}", copied, table.Name);
            foreach (var column in table.Columns.Where(IsIdentity))
            {
                await ExecuteAsync(postgres, $"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', '{column.Name}'), " +
                    $"COALESCE((SELECT MAX({Quote(column.Name)}) FROM {Quote(table.Name)}), 0) + 1, false)", cancellationToken);
            }
        }
        await ExecuteAsync(postgres, "SET CONSTRAINTS ALL IMMEDIATE", cancellationToken); // check every row now
        foreach (var table in tables)
        {
            foreach (var fk in table.ForeignKeyConstraints)
            {
                await ExecuteAsync(postgres, $"ALTER TABLE {Quote(table.Name)} ALTER CONSTRAINT {Quote(fk.Name)} NOT DEFERRABLE", cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);

        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            var sql = $"SELECT COUNT(*) FROM {Quote(table.Name)}";
            counts.Add(new TableCount(table.Name, await ScalarAsync(sqlite, sql, cancellationToken), await ScalarAsync(postgres, sql, cancellationToken)));
        }
        return counts;
    }

    private static bool IsIdentity(IColumn column) =>
        column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd
            && m.Property.IsPrimaryKey() && m.Property.ClrType is var t && (t == typeof(int) || t == typeof(long)));

    /// <summary>
    /// Columns holding a list of plain values: SQLite keeps them as JSON text, PostgreSQL as a native
    /// array. Keyed by "table.column"; the value is the array's element type as stored.
    /// </summary>
    private Dictionary<string, Type> ArrayColumns(string targetConnectionString)
    {
        using var target = new PostgresAppDbContext(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(targetConnectionString).Options).LeasedTo(clock, NoOutboxSignal.Instance, WriteGate.Open);
        return target.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Select(c => (Table: t, Column: c)))
            .Where(x => x.Column.ProviderClrType != typeof(byte[])
                        && (x.Column.ProviderClrType.IsArray || x.Column.PropertyMappings.Any(m => m.Property.IsPrimitiveCollection)))
            .ToDictionary(x => x.Table.Name + "." + x.Column.Name, x =>
            {
                if (x.Column.ProviderClrType.IsArray)
                {
                    return x.Column.ProviderClrType.GetElementType()!; // a converter already gives an array
                }
                var element = x.Column.PropertyMappings.First().Property.GetElementType()!;
                return element.GetTypeMapping().Converter?.ProviderClrType ?? element.ClrType;
            });
    }

    private static async Task<long> CopyTableAsync(SqliteConnection sqlite, NpgsqlConnection postgres, ITable table,
        Dictionary<string, Type> arrays, CancellationToken cancellationToken)
    {
        var columns = table.Columns.ToList();
        var columnList = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var read = sqlite.CreateCommand();
        read.CommandText = $"SELECT {columnList} FROM {Quote(table.Name)}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);

        // Multi-row INSERTs, within PostgreSQL's limit of 65,535 parameters a statement.
        var rowsPerBatch = Math.Clamp(30_000 / columns.Count, 1, 500);
        var batch = new List<object?[]>(rowsPerBatch);
        long copied = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null
                    : arrays.TryGetValue(table.Name + "." + columns[i].Name, out var element)
                        ? JsonSerializer.Deserialize(reader.GetString(i), element.MakeArrayType())
                        : Read(reader, i, columns[i]);
            }
            batch.Add(row);
            if (batch.Count == rowsPerBatch)
            {
                copied += await InsertAsync(postgres, table, columnList, columns.Count, batch, cancellationToken);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            copied += await InsertAsync(postgres, table, columnList, columns.Count, batch, cancellationToken);
        }
        return copied;
    }

    /// <summary>Reads a SQLite value as the CLR type PostgreSQL's column takes (SQLite keeps text and integers).</summary>
    private static object Read(DbDataReader reader, int ordinal, IColumn column)
    {
        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        if (type.IsEnum)
        {
            type = Enum.GetUnderlyingType(type);
        }
        return type switch
        {
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type == typeof(short) => reader.GetInt16(ordinal),
            _ when type == typeof(bool) => reader.GetBoolean(ordinal),
            _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when type == typeof(double) => reader.GetDouble(ordinal),
            _ when type == typeof(Guid) => reader.GetGuid(ordinal),
            _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(TimeOnly) => reader.GetFieldValue<TimeOnly>(ordinal),
            _ when type == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
            // Every DateTime in the model is UTC (AppDbContext's convention); SQLite keeps no kind.
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
            _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime(),
            _ => throw new NotSupportedException($"{column.Table.Name}.{column.Name}: no copy rule for {type.Name}"),
        };
    }

    private static async Task<int> InsertAsync(NpgsqlConnection postgres, ITable table, string columnList, int columnCount,
        List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = postgres.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({columnList}) OVERRIDING SYSTEM VALUE VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columnCount; c++)
            {
                var parameter = new NpgsqlParameter { Value = rows[r][c] ?? DBNull.Value };
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "$" : ", $").Append(command.Parameters.Count);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Principal tables before their dependants (self-references aside: they are deferred).</summary>
    private static List<ITable> TablesInDependencyOrder(IRelationalModel model)
    {
        var ordered = new List<ITable>();
        var visiting = new HashSet<ITable>();
        void Visit(ITable table)
        {
            if (ordered.Contains(table) || !visiting.Add(table))
            {
                return;
            }
            foreach (var fk in table.ForeignKeyConstraints.Where(fk => fk.PrincipalTable != table))
            {
                Visit(fk.PrincipalTable);
            }
            ordered.Add(table);
        }
        foreach (var table in model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(table);
        }
        return ordered;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
