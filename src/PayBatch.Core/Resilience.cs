using System.Data.Common;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace PayBatch.Core;

/// <summary>
/// Retries with exponential backoff and jitter around transient faults: SQLite busy/locked, the
/// servers' transient errors, sharing violations on network shares. Anything else fails at once.
/// </summary>
public static class Resilience
{
    // Each built when first used (start-up, issue 15): many commands never need the files' retries.
    private static readonly Lazy<ResiliencePipeline> DatabasePipeline = new(() => Build(IsTransientDb));
    private static readonly Lazy<ResiliencePipeline> FilesPipeline = new(() => Build(e => e is IOException io && IsSharingViolation(io)));

    public static ResiliencePipeline Database => DatabasePipeline.Value;
    public static ResiliencePipeline Files => FilesPipeline.Value;

    /// <summary>
    /// Runs one unit of work (its own transaction) on <paramref name="db"/>, again from the start after
    /// a transient fault: the failed attempt rolled back, and the change tracker is cleared of it.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Persistence.PayBatchDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        await Database.ExecuteAsync(async t =>
        {
            db.ChangeTracker.Clear();
            return await work(t).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

    /// <summary>Opens a file for reading, waiting out another program's lock (a network share, Excel).</summary>
    public static FileStream OpenRead(string path) => Files.Execute(() => File.OpenRead(path));


    private static ResiliencePipeline Build(Func<Exception, bool> transient) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(transient),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
        })
        .Build();

    public static bool IsTransientDb(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        Npgsql.NpgsqlException n => n.IsTransient,
        Microsoft.Data.SqlClient.SqlException s => s.Number is 1205 or -2 or 40197 or 40501 or 40613 or 49918 or 49919 or 49920 or 4060 or 233 or 10053 or 10054 or 10060,
        DbException d => d.IsTransient,
        Microsoft.EntityFrameworkCore.DbUpdateException u when u.InnerException is not null => IsTransientDb(u.InnerException),
        _ => false,
    };

    // Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION. Unix: the advisory lock .NET takes for
    // FileShare.None reports EWOULDBLOCK (11) to the next opener.
    internal static bool IsSharingViolation(IOException e) => e is not FileNotFoundException &&
        (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult == 11);
}
