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
            var path = FilePath(db);
            await using var held = path is null ? null : await HoldLockFileAsync(path, limit.Token).ConfigureAwait(false);
            if (path is not null && new FileInfo(path) is { Exists: false } or { Length: 0 })
            {
                // A new database: the empty file paybatch made. A file with SQLite's header (made elsewhere, with its own
                // encoding or page size, even without tables) is migrated where it is.
                await CreateBesideAsync(db, path, ct).ConfigureAwait(false);
                return;
            }
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

    /// <summary>The full path of the SQLite database's file; null for an in-memory database.</summary>
    private static string? FilePath(PayBatchDb db)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(dataSource);
    }

    /// <summary>
    /// A new SQLite database is made whole beside the empty file and then put in its place. EF Core splits a SQLite
    /// migration that rebuilds a table into several transactions (foreign keys are switched off between them), so a
    /// paybatch killed while creating the schema in place could leave a migration half applied, which no later run
    /// can finish ("no such index"). A creation killed here leaves only its side file, made again next time.
    /// </summary>
    private static async Task CreateBesideAsync(PayBatchDb db, string path, CancellationToken ct)
    {
        var creating = path + ".creating";
        foreach (var leftover in new[] { creating, creating + "-journal", creating + "-wal", creating + "-shm" }) File.Delete(leftover);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // personal data, as the database
        new FileStream(creating, options).Dispose();
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { DataSource = creating, Pooling = false };
        await using (var fresh = DbFactory.Create(DbProvider.Sqlite, connection.ToString()))
            await fresh.Database.MigrateAsync(ct).ConfigureAwait(false);
        // Nothing may keep the empty file open: the new one takes its name.
        await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        File.Move(creating, path, overwrite: true);
    }

    /// <summary>Waits (until <paramref name="ct"/> gives up) for the lock file of the SQLite database at <paramref name="path"/>.</summary>
    private static async Task<FileStream> HoldLockFileAsync(string path, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        while (true)
        {
            try
            {
                return new FileStream(LockFile(path), options);
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
