using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using Serilog;

namespace PayBatch.Core.Persistence;

/// <summary>
/// A throw-away copy of a SQLite database in a private temporary folder, deleted when disposed:
/// <c>run --dry-run --recipients F</c> imports its files into the copy and decides there, exactly as the
/// real run would, while the real database stays as it was. The servers have no such copy (refused).
/// The copy holds personal data: the folder is the owner's only, the copy is stopped when the command is
/// cancelled, and a copy left by a killed paybatch (its folder's lock file no longer held) is deleted
/// by the next one.
/// </summary>
public sealed class ScratchCopy : IAsyncDisposable
{
    private const string Prefix = "paybatch-dry-run-";
    private const string LockName = "in-use";
    private readonly string _folder;
    private readonly FileStream _held;
    private readonly ILogger _log;

    private ScratchCopy(PayBatchDb db, string folder, FileStream held, ILogger log) => (Db, _folder, _held, _log) = (db, folder, held, log);

    public PayBatchDb Db { get; }

    public static async Task<ScratchCopy> MakeAsync(PayBatchDb source, Message refusedOnServers, IInterceptor[] interceptors, ILogger log, CancellationToken ct)
    {
        if (source.Provider != DbProvider.Sqlite) throw new InputException(refusedOnServers);
        DeleteAbandoned(log);
        var folder = Directory.CreateTempSubdirectory(Prefix).FullName; // 0700 on Unix
        var held = new FileStream(Path.Combine(folder, LockName), OwnerOnlyFile.Options(FileMode.CreateNew, FileShare.None));
        try
        {
            var path = Path.Combine(folder, "copy.db");
            new FileStream(path, OwnerOnlyFile.Options(FileMode.CreateNew, FileShare.Read)).Dispose(); // VACUUM INTO fills an empty file, keeping its mode
            await source.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var connection = (SqliteConnection)source.Database.GetDbConnection();
            // Microsoft.Data.Sqlite cannot cancel a running statement: a cancelled command interrupts it here.
            try
            {
                await using (ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle)).ConfigureAwait(false))
                {
                    var into = path; // a parameter, not SQL text
                    await source.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [into], ct).ConfigureAwait(false);
                }
                // A cancel between the command's own check and SQLite's first step interrupts nothing: the copy is made,
                // and is let go all the same.
                ct.ThrowIfCancellationRequested();
            }
            catch (SqliteException e) when (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("the dry run's copy was stopped", e, ct);
            }
            finally
            {
                await source.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
            var copy = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            return new ScratchCopy(DbFactory.Create(DbProvider.Sqlite, copy, interceptors), folder, held, log);
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            TryDelete(folder, log);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync().ConfigureAwait(false);
        await _held.DisposeAsync().ConfigureAwait(false);
        TryDelete(_folder, _log);
    }

    /// <summary>Copies whose paybatch ended without deleting them (killed): nobody holds their lock file.</summary>
    private static void DeleteAbandoned(ILogger log)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                new FileStream(Path.Combine(folder, LockName), FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
            }
            catch (FileNotFoundException) when (Directory.GetCreationTimeUtc(folder) > TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10))
            {
                continue; // being made this moment by another paybatch
            }
            catch (FileNotFoundException)
            {
                // made, never locked, long ago: abandoned
            }
            catch (IOException)
            {
                continue; // in use
            }
            catch (UnauthorizedAccessException)
            {
                continue; // another user's
            }
            TryDelete(folder, log);
        }
    }

    /// <summary>Deletes the folder; one a handle still holds (Windows) is left to the next dry run's sweep, said in the log.</summary>
    private static void TryDelete(string folder, ILogger log)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Warning(e, "Could not delete the dry run's copy {Folder} yet; the next dry run deletes it", folder);
        }
    }
}
