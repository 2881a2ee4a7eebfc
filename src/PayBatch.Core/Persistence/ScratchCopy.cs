using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Persistence;

/// <summary>
/// A throw-away copy of a SQLite database in a private temporary folder, deleted when disposed:
/// <c>run --dry-run --recipients F</c> imports its files into the copy and decides there, exactly as the
/// real run would, while the real database stays as it was. The servers have no such copy (refused).
/// </summary>
public sealed class ScratchCopy : IAsyncDisposable
{
    private readonly string _folder;

    private ScratchCopy(PayBatchDb db, string folder) => (Db, _folder) = (db, folder);

    public PayBatchDb Db { get; }

    public static async Task<ScratchCopy> MakeAsync(PayBatchDb source, Message refusedOnServers, IInterceptor[] interceptors, CancellationToken ct)
    {
        if (source.Provider != DbProvider.Sqlite) throw new InputException(refusedOnServers);
        var folder = Directory.CreateTempSubdirectory("paybatch-dry-run-").FullName; // 0700 on Unix: the copy holds personal data
        try
        {
            var path = Path.Combine(folder, "copy.db");
            var into = path; // a parameter, not SQL text
            await source.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [into], ct).ConfigureAwait(false);
            var copy = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            return new ScratchCopy(DbFactory.Create(DbProvider.Sqlite, copy, interceptors), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(_folder, recursive: true);
    }
}
