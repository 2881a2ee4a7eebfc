using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PayBatch.Core.Persistence;

/// <summary>
/// A parameterised command prepared once and executed per row inside the current transaction: the
/// set-based path for imports and batches (no change tracker, no SaveChanges per row).
/// </summary>
public sealed class PreparedCommand : IDisposable
{
    private readonly DbCommand _command;
    private readonly Dictionary<string, DbParameter> _parameters = new(StringComparer.Ordinal);
    private bool _prepared;

    public PreparedCommand(PayBatchDb db, string sql, params string[] parameterNames)
    {
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.CommandText = sql;
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _command.CommandTimeout = 120;
        foreach (var name in parameterNames)
        {
            var p = _command.CreateParameter();
            p.ParameterName = "@" + name;
            _command.Parameters.Add(p);
            _parameters[name] = p;
        }
    }

    public PreparedCommand Set(string name, string? value)
    {
        var p = _parameters[name];
        p.DbType = DbType.String;
        p.Value = value ?? (object)DBNull.Value;
        return this;
    }

    /// <summary>
    /// Values carry their type even when null: PostgreSQL will not cast a text null to a date or a
    /// bigint. DateTime keeps the provider's own inference (UTC → timestamptz).
    /// </summary>
    public PreparedCommand Set<T>(string name, T? value) where T : struct
    {
        var p = _parameters[name];
        var type = typeof(T);
        if (type == typeof(DateOnly)) p.DbType = DbType.Date;
        else if (type == typeof(long)) p.DbType = DbType.Int64;
        else if (type == typeof(int)) p.DbType = DbType.Int32;
        else if (type != typeof(DateTime)) throw new NotSupportedException($"parameter type {type.Name}");
        p.Value = value.HasValue ? value.Value : DBNull.Value;
        return this;
    }

    public PreparedCommand Set<T>(string name, T value) where T : struct => Set(name, (T?)value);

    /// <summary>Sets a value whose type the caller knows from the column, nulls included.</summary>
    public PreparedCommand SetTyped(string name, ColumnType type, object? value) => type switch
    {
        ColumnType.Text => Set(name, (string?)value),
        ColumnType.Int => Set(name, (int?)value),
        ColumnType.Long => Set(name, (long?)value),
        ColumnType.Date => Set(name, (DateOnly?)value),
        ColumnType.TimestampUtc => Set(name, (DateTime?)value),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        if (!_prepared)
        {
            await _command.PrepareAsync(ct).ConfigureAwait(false);
            _prepared = true;
        }
        return await _command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>Provider differences in the few statements written by hand.</summary>
public static class SqlDialect
{
    /// <summary>Insert or update by key: ON CONFLICT for SQLite and PostgreSQL, MERGE for SQL Server.</summary>
    public static string Upsert(DbProvider provider, string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns)
    {
        var updates = columns.Where(c => !keys.Contains(c)).ToList();
        if (provider == DbProvider.SqlServer)
        {
            return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {string.Join(", ", columns.Select(c => $"@{c} AS {c}"))}) AS s " +
                   $"ON {string.Join(" AND ", keys.Select(k => $"t.{k} = s.{k}"))} " +
                   $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updates.Select(c => $"{c} = s.{c}"))} " +
                   $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "s." + c))});";
        }
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
               $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", updates.Select(c => $"{c} = excluded.{c}"))}";
    }

    public static string Insert(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
}
