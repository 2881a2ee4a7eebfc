using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace PayBatch.Core.Persistence;

public enum ColumnType { Text, Int, Long, Date, TimestampUtc }

public sealed record Column(string Name, ColumnType Type);

public static class ColumnTypes
{
    /// <summary>The column type of a stored CLR type (after the model's converters).</summary>
    public static ColumnType Of(Type stored) =>
        stored == typeof(string) ? ColumnType.Text
        : stored == typeof(int) ? ColumnType.Int
        : stored == typeof(long) ? ColumnType.Long
        : stored == typeof(DateOnly) ? ColumnType.Date
        : stored == typeof(DateTime) ? ColumnType.TimestampUtc
        : throw new NotSupportedException($"no bulk column type for {stored.Name}");
}

/// <summary>Writes rows of the model into their table through a <see cref="BulkWriter"/>, by the model's own column definition.</summary>
public sealed class RowWriter<TRow>(TableMap<TRow> map, BulkWriter writer) : IAsyncDisposable where TRow : class
{
    public static async Task<RowWriter<TRow>> OpenAsync(PayBatchDb db, CancellationToken ct)
    {
        var map = TableMap<TRow>.Of(db);
        return new RowWriter<TRow>(map, await BulkWriter.OpenAsync(db, map.Table, map.Columns, ct).ConfigureAwait(false));
    }

    /// <summary>Writes all <paramref name="rows"/> and keeps them.</summary>
    public static async Task WriteAsync(PayBatchDb db, IEnumerable<TRow> rows, CancellationToken ct)
    {
        await using var writer = await OpenAsync(db, ct).ConfigureAwait(false);
        foreach (var row in rows) await writer.AddAsync(row, ct).ConfigureAwait(false);
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the rows <paramref name="make"/> makes and keeps them. <paramref name="make"/> runs on a thread of its own
    /// while this one stores the rows made before (<see cref="RowHandover"/>): it hands each row to the action it is
    /// given, touches no connection, and stops when its token is cancelled.
    /// </summary>
    public static async Task WriteAsync(PayBatchDb db, Action<Action<TRow>, CancellationToken> make, CancellationToken ct)
    {
        var map = TableMap<TRow>.Of(db);
        await using var writer = await BulkWriter.OpenAsync(db, map.Table, map.Columns, ct).ConfigureAwait(false);
        await RowHandover.RunAsync<object?[]>((keep, token) => make(row => keep(writer.Bindable(map.Values(row))), token), async chunk =>
        {
            foreach (var values in chunk) await writer.AddBindableAsync(values, ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the row <paramref name="make"/> makes of each of <paramref name="source"/>, made on another thread as above.
    /// Into SQLite or PostgreSQL, many rows (<see cref="BulkIndexes.From"/>) that are at least as many as the table holds go in with its
    /// indexes set aside and made again after them (<see cref="BulkIndexes"/>).
    /// </summary>
    public static async Task WriteAsync<TSource>(PayBatchDb db, IReadOnlyList<TSource> source, Func<TSource, TRow> make, CancellationToken ct)
    {
        var table = TableMap<TRow>.Of(db).Table;
        var setAside = await BulkIndexes.WorthSettingAsideAsync(db, table, source.Count, added: true, ct).ConfigureAwait(false)
            ? await BulkIndexes.DropAsync(db, BulkIndexes.AllMade(db, table), ct).ConfigureAwait(false)
            : null;
        await WriteAsync(db, (keep, token) =>
        {
            foreach (var item in source)
            {
                if (token.IsCancellationRequested) return;
                keep(make(item));
            }
        }, ct).ConfigureAwait(false);
        if (setAside is not null) await setAside.RestoreAsync(ct).ConfigureAwait(false);
    }

    public ValueTask AddAsync(TRow row, CancellationToken ct) => writer.AddAsync(map.Values(row), ct);

    /// <summary>Keeps what was added; disposing without it keeps nothing.</summary>
    public ValueTask CompleteAsync(CancellationToken ct) => writer.CompleteAsync(ct);

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}

/// <summary>
/// Writes many rows into one table inside the current transaction, the way each provider does it
/// fastest: PostgreSQL binary COPY; SQLite one INSERT … SELECT per chunk of rows (<see cref="SqliteRowFeed"/>); SQL Server a
/// prepared INSERT per row. Rows are kept only after <see cref="CompleteAsync"/>.
/// Rows of the model go through <see cref="RowWriter{TRow}"/>; the column lists here are for staging tables.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    public static async Task<BulkWriter> OpenAsync(PayBatchDb db, string table, IReadOnlyList<Column> columns, CancellationToken ct) =>
        db.Provider switch
        {
            DbProvider.Postgres => await CopyWriter.OpenAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, columns, ct).ConfigureAwait(false),
            DbProvider.Sqlite => new FeedWriter(db, table, columns),
            _ => new InsertWriter(db, table, columns),
        };

    public abstract ValueTask AddAsync(object?[] values, CancellationToken ct);

    /// <summary>A row's values (in the columns' order) as <see cref="AddBindableAsync"/> takes them: made on any one thread at a time.</summary>
    public virtual object?[] Bindable(object?[] values) => values;

    /// <summary>Adds a row made by <see cref="Bindable"/>.</summary>
    public virtual ValueTask AddBindableAsync(object?[] values, CancellationToken ct) => AddAsync(values, ct);

    public abstract ValueTask CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>SQLite: the rows a chunk at a time (<see cref="SqliteRowFeed"/>).</summary>
    private sealed class FeedWriter(PayBatchDb db, string table, IReadOnlyList<Column> columns) : BulkWriter
    {
        private readonly SqliteRowFeed _feed = new((SqliteConnection)db.Database.GetDbConnection(), table, [.. columns.Select(c => c.Name)]);
        private readonly SqliteRowFeed.Encoder _encoder = new(columns);

        public override ValueTask AddAsync(object?[] values, CancellationToken ct) => AddBindableAsync(Bindable([.. values]), ct);

        public override object?[] Bindable(object?[] values) => _encoder.Bindable(values);

        public override ValueTask AddBindableAsync(object?[] values, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            _feed.Add(values);
            return ValueTask.CompletedTask;
        }

        public override ValueTask CompleteAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            _feed.Flush();
            return ValueTask.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            _feed.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>SQL Server: a prepared INSERT per row.</summary>
    private sealed class InsertWriter(PayBatchDb db, string table, IReadOnlyList<Column> columns) : BulkWriter
    {
        private readonly PreparedCommand _insert = new(db, SqlDialect.Insert(table, columns.Select(c => c.Name).ToList()), columns.Select(c => c.Name).ToArray());

        public override async ValueTask AddAsync(object?[] values, CancellationToken ct)
        {
            await _insert.SetRow(columns, values).ExecuteAsync(ct).ConfigureAwait(false);
        }

        public override ValueTask CompleteAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _insert.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CopyWriter(NpgsqlBinaryImporter importer, IReadOnlyList<Column> columns) : BulkWriter
    {
        public static async Task<CopyWriter> OpenAsync(NpgsqlConnection connection, string table, IReadOnlyList<Column> columns, CancellationToken ct)
        {
            var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
            return new CopyWriter(await connection.BeginBinaryImportAsync(sql, ct).ConfigureAwait(false), columns);
        }

        public override async ValueTask AddAsync(object?[] values, CancellationToken ct)
        {
            await importer.StartRowAsync(ct).ConfigureAwait(false);
            for (var i = 0; i < columns.Count; i++)
            {
                var v = values[i];
                if (v is null)
                {
                    await importer.WriteNullAsync(ct).ConfigureAwait(false);
                    continue;
                }
                switch (columns[i].Type)
                {
                    case ColumnType.Text: await importer.WriteAsync((string)v, NpgsqlDbType.Text, ct).ConfigureAwait(false); break;
                    case ColumnType.Int: await importer.WriteAsync((int)v, NpgsqlDbType.Integer, ct).ConfigureAwait(false); break;
                    case ColumnType.Long: await importer.WriteAsync((long)v, NpgsqlDbType.Bigint, ct).ConfigureAwait(false); break;
                    case ColumnType.Date: await importer.WriteAsync((DateOnly)v, NpgsqlDbType.Date, ct).ConfigureAwait(false); break;
                    case ColumnType.TimestampUtc: await importer.WriteAsync((DateTime)v, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false); break;
                }
            }
        }

        public override async ValueTask CompleteAsync(CancellationToken ct)
        {
            await importer.CompleteAsync(ct).ConfigureAwait(false);
            await importer.DisposeAsync().ConfigureAwait(false); // the connection leaves COPY state only then
        }

        // Disposing without CompleteAsync cancels the COPY: nothing of it is kept.
        public override ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
