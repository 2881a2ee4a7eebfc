using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace PayBatch.Core.Persistence;

public enum ColumnType { Text, Int, Long, Date, TimestampUtc }

public sealed record Column(string Name, ColumnType Type);

/// <summary>
/// Writes many rows into one table inside the current transaction, the way each provider does it
/// fastest: PostgreSQL binary COPY; SQLite and SQL Server a prepared INSERT executed per row (for
/// SQLite, in one transaction, that is its bulk path). Rows are kept only after <see cref="CompleteAsync"/>.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    public static async Task<BulkWriter> OpenAsync(PayBatchDb db, string table, IReadOnlyList<Column> columns, CancellationToken ct) =>
        db.Provider == DbProvider.Postgres
            ? await CopyWriter.OpenAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, columns, ct).ConfigureAwait(false)
            : new InsertWriter(db, table, columns);

    public abstract ValueTask AddAsync(object?[] values, CancellationToken ct);

    public abstract ValueTask CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class InsertWriter(PayBatchDb db, string table, IReadOnlyList<Column> columns) : BulkWriter
    {
        private readonly PreparedCommand _insert = new(db, SqlDialect.Insert(table, columns.Select(c => c.Name).ToList()), columns.Select(c => c.Name).ToArray());

        public override async ValueTask AddAsync(object?[] values, CancellationToken ct)
        {
            for (var i = 0; i < columns.Count; i++) _insert.SetTyped(columns[i].Name, columns[i].Type, values[i]);
            await _insert.ExecuteAsync(ct).ConfigureAwait(false);
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
