using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// The dry run's copy of the database holds personal data: owner-only while it lives, gone afterwards, stopped
/// when the command is cancelled, and a copy a killed paybatch left is deleted by the next dry run.
/// </summary>
public class ScratchCopyTests
{
    private static readonly Message Refused = new("servers", "servers", "servers");

    private static IEnumerable<string> Copies() => Directory.EnumerateDirectories(Path.GetTempPath(), "paybatch-dry-run-*");

    [UnixFact("the owner-only modes are Unix file modes")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_copy_is_the_owner_s_only_holds_the_data_and_is_gone_when_disposed()
    {
        using var ws = new Workspace();
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1), Cases.Row(2)])));
        await using var source = ws.OpenDb();
        string folder;
        await using (var copy = await ScratchCopy.MakeAsync(source, Refused, [], Serilog.Core.Logger.None, CancellationToken.None))
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(copy.Db.Database.GetConnectionString()).DataSource;
            folder = Path.GetDirectoryName(path)!;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(2, await copy.Db.Cases.CountAsync());
            copy.Db.Cases.RemoveRange(copy.Db.Cases);
            await copy.Db.SaveChangesAsync();
        }
        Assert.False(Directory.Exists(folder));
        Assert.Equal(2, await source.Cases.CountAsync()); // the real database is untouched
    }

    [Fact]
    public async Task A_copy_left_by_a_killed_paybatch_is_deleted_and_one_in_use_is_not()
    {
        using var ws = new Workspace();
        ws.RunOk("init");
        var abandoned = Directory.CreateTempSubdirectory("paybatch-dry-run-").FullName;
        File.WriteAllText(Path.Combine(abandoned, "in-use"), "");
        File.WriteAllText(Path.Combine(abandoned, "copy.db"), "personal data");
        var inUse = Directory.CreateTempSubdirectory("paybatch-dry-run-").FullName;
        try
        {
            using (new FileStream(Path.Combine(inUse, "in-use"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                await using var source = ws.OpenDb();
                await using (await ScratchCopy.MakeAsync(source, Refused, [], Serilog.Core.Logger.None, CancellationToken.None))
                {
                    Assert.False(Directory.Exists(abandoned));
                    Assert.True(Directory.Exists(inUse));
                }
            }
        }
        finally
        {
            Directory.Delete(inUse, recursive: true);
        }
    }

    [Fact]
    public async Task A_cancelled_copy_stops_and_leaves_nothing()
    {
        using var ws = new Workspace();
        ws.RunOk("init");
        await using var source = ws.OpenDb();
        // About 200 MB, so that the copy is still being made when the command is cancelled.
        await source.Database.ExecuteSqlRawAsync(
            "CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT i, randomblob(1000) AS b FROM n");
        var before = Copies().ToHashSet();
        // Cancelled once the copy's folder has a file, so the copy is under way (a fixed delay lost the race on a fast
        // moment), watched from a thread of its own: a pool thread, while the copy holds this one, started 0.3-0.5 s late,
        // after a copy made in 0.5 s.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var started = Task.Factory.StartNew(() =>
        {
            SpinWait.SpinUntil(() => Copies().Except(before).Any(d => Directory.EnumerateFiles(d).Any()), TimeSpan.FromSeconds(20));
            cancel.Cancel();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ScratchCopy.MakeAsync(source, Refused, [], Serilog.Core.Logger.None, cancel.Token));
        await started;
        Assert.Empty(Copies().Except(before));
        Assert.Equal(200000, await source.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM filler").SingleAsync()); // the source is whole and usable
    }
}
