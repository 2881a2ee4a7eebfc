using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Migrations;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using Serilog;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Brings the schema up to date when a command starts. A current schema is seen with one query
/// (<see cref="SchemaVersion"/>) and takes no lock. Otherwise EF Core migrates under its migration lock: on PostgreSQL a table lock in
/// the migration's transaction, on SQL Server a session application lock — both freed by the server
/// when their holder dies — and on SQLite a row in <c>__EFMigrationsLock</c> that only its holder
/// deletes, so a killed paybatch leaves it behind and EF would wait for it forever. Here a paybatch
/// migrating SQLite also holds a lock file beside the database, which the system frees when the
/// process ends: whoever holds the file and finds a lock row knows that row is stale and clears it.
/// SQLite's pending migrations are applied as one transaction (<see cref="MigrateSqliteAsync"/>), so a
/// killed migration leaves the schema as it was. Nothing waits without limit: after <c>lockWait</c> the command fails with a clear message.
/// </summary>
public static class SchemaMigration
{
    internal const string LockTable = "__EFMigrationsLock";

    /// <summary>The file a paybatch holds while it migrates the SQLite database <paramref name="dataSource"/>.</summary>
    public static string LockFile(string dataSource) => dataSource + ".migrating";

    public static async Task EnsureCurrentAsync(PayBatchDb db, TimeSpan lockWait, ILogger log, CancellationToken ct)
    {
        if (await SchemaVersion.IsCurrentAsync(db, ct).ConfigureAwait(false)) return;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(lockWait);
        try
        {
            if (db.Provider != DbProvider.Sqlite)
            {
                await db.Database.MigrateAsync(limit.Token).ConfigureAwait(false);
                return;
            }
            await using var held = await HoldLockFileAsync(db, limit.Token).ConfigureAwait(false);
            await ClearStaleLockAsync(db, log, ct).ConfigureAwait(false);
            await MigrateSqliteAsync(db, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (limit.IsCancellationRequested && !ct.IsCancellationRequested && e is OperationCanceledException or DbException)
        {
            throw new StatedFailureException(e, CoreText.MigrationLockWait, lockWait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Waits (until <paramref name="ct"/> gives up) for the SQLite lock file; null for an in-memory database.</summary>
    private static async Task<FileStream?> HoldLockFileAsync(PayBatchDb db, CancellationToken ct)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)) return null;
        var options = OwnerOnlyFile.Options(FileMode.OpenOrCreate, FileShare.None);
        while (true)
        {
            try
            {
                return new FileStream(LockFile(Path.GetFullPath(dataSource)), options);
            }
            catch (IOException e) when (Resilience.IsSharingViolation(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// EF Core applies a SQLite migration that rebuilds a table in several transactions, switching foreign
    /// keys off between them (see <c>init --script</c>), and records it after the last: a paybatch killed in
    /// between leaves a half-applied migration that no later run can finish ("no such index"). Here the
    /// pending migrations' script runs in one transaction with foreign keys off for its length, as SQLite's
    /// own procedure for altering a table does: a kill or an error anywhere leaves the schema as it was.
    /// </summary>
    private static async Task MigrateSqliteAsync(PayBatchDb db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        await history.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        // EF's lock too, for whatever migrates the EF way (dotnet ef); the history is read under it.
        IMigrationsDatabaseLock? held = await history.AcquireDatabaseLockAsync(ct).ConfigureAwait(false);
        try
        {
            var applied = (await history.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
            var known = db.Database.GetMigrations().ToList();
            var pending = known.Count(m => !applied.Contains(m));
            if (pending == 0) return;
            if (known.Take(known.Count - pending).Any(m => !applied.Contains(m)))
            {
                // A gap in the history, not made by paybatch: EF's own order, under its own lock.
                await held.DisposeAsync().ConfigureAwait(false);
                held = null;
                await db.Database.MigrateAsync(ct).ConfigureAwait(false);
                return;
            }
            var from = pending == known.Count ? Migration.InitialDatabase : known[known.Count - pending - 1];
            await RunInOneTransactionAsync(db, db.GetService<IMigrator>().GenerateScript(from, options: MigrationsSqlGenerationOptions.NoTransactions), ct)
                .ConfigureAwait(false);
        }
        finally
        {
            if (held is not null) await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunInOneTransactionAsync(PayBatchDb db, string script, CancellationToken ct)
    {
        const string keysOff = "PRAGMA foreign_keys = 0", keysOn = "PRAGMA foreign_keys = 1";
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlRawAsync(keysOff, ct).ConfigureAwait(false); // a no-op inside a transaction: before it
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var command = db.Database.GetDbConnection().CreateCommand(); // not EF's raw SQL: that would read braces as placeholders
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = script;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(keysOn, CancellationToken.None).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Holding the lock file, any lock row is a dead paybatch's: cleared, and said in the log.</summary>
    private static async Task ClearStaleLockAsync(PayBatchDb db, ILogger log, CancellationToken ct)
    {
        var exists = await db.Database.SqlQueryRaw<long>(
            $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'").SingleAsync(ct).ConfigureAwait(false);
        if (exists == 0) return;
        var taken = await db.Database.SqlQueryRaw<string>($"SELECT \"Timestamp\" AS \"Value\" FROM \"{LockTable}\"").ToListAsync(ct).ConfigureAwait(false);
        if (taken.Count == 0) return;
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{LockTable}\"", ct).ConfigureAwait(false);
        log.Warning("Cleared a stale migration lock taken at {Taken}: the paybatch that took it ended without releasing it", taken[0]);
    }
}
