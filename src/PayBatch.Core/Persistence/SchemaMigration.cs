using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
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
/// Nothing waits without limit: after <c>lockWait</c> the command fails with a clear message.
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
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (limit.IsCancellationRequested && !ct.IsCancellationRequested && e is OperationCanceledException or DbException)
        {
            throw new StatedFailureException(
                $"another paybatch is bringing the database schema up to date and holds the migration lock; gave up after waiting {lockWait.TotalSeconds:0} s " +
                "(setting Database:MigrationLockSeconds). Nothing was changed: run the command again once it has finished", e);
        }
    }

    /// <summary>Waits (until <paramref name="ct"/> gives up) for the SQLite lock file; null for an in-memory database.</summary>
    private static async Task<FileStream?> HoldLockFileAsync(PayBatchDb db, CancellationToken ct)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)) return null;
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
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
