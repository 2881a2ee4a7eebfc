using Microsoft.EntityFrameworkCore;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Serialises the commands that create batches or apply confirmations, across processes, for the
/// life of the current transaction. SQLite already holds its write lock from BEGIN IMMEDIATE
/// (Microsoft.Data.Sqlite's default); the servers take an application lock.
/// </summary>
public static class WriteLock
{
    internal const string SqlServerLock =
        "EXEC sp_getapplock @Resource = 'paybatch-write', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 120000";

    public static async Task AcquireAsync(PayBatchDb db, CancellationToken ct)
    {
        switch (db.Provider)
        {
            case DbProvider.Postgres:
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7207202601)", ct).ConfigureAwait(false);
                break;
            case DbProvider.SqlServer:
                await db.Database.ExecuteSqlRawAsync(SqlServerLock, ct).ConfigureAwait(false);
                break;
            case DbProvider.Sqlite:
                // A no-op write makes sure this connection holds the lock even if the transaction was deferred.
                await db.Database.ExecuteSqlRawAsync("UPDATE batches SET id = id WHERE 0 = 1", ct).ConfigureAwait(false);
                break;
        }
    }
}
