using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// EF Core's SQLite migration lock is a row in __EFMigrationsLock that only its holder deletes: a
/// paybatch killed while migrating leaves it behind. A stale row is cleared, a live holder is waited
/// for a bounded time, and a current schema takes no lock at all.
/// </summary>
public class MigrationLockTests
{
    private const string InsertLock = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-01-19 09:00:00+00:00')";

    internal static int LockRows(Workspace ws)
    {
        using var db = ws.OpenDb();
        return db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").AsEnumerable().Single();
    }

    internal static void Execute(Workspace ws, string sql)
    {
        using var db = ws.OpenDb();
        db.Database.ExecuteSqlRaw(sql);
    }

    private static (CliRun Run, TimeSpan Took) Bounded(Workspace ws, params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var r = PaybatchProcess.RunWithin(ws, TimeSpan.FromMinutes(5), args);
        return (r, watch.Elapsed);
    }

    private const string CreateLockTable = "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)";

    private static string Log(Workspace ws) => string.Concat(Directory.GetFiles(ws.Path_("logs")).Select(File.ReadAllText));

    /// <summary>
    /// A live migrator, as another paybatch is one: a lock row, and the lock file beside the database held (the system
    /// frees it when that process ends). Commands wait for it <paramref name="seconds"/> at most.
    /// </summary>
    private static FileStream LiveMigrator(Workspace ws, int seconds)
    {
        ws.RunOk("init");
        Execute(ws, InsertLock);
        ws.Environment["PAYBATCH_DATABASE__MIGRATIONLOCKSECONDS"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new FileStream(ws.Path_("paybatch.db.migrating"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void A_stale_lock_left_by_a_paybatch_killed_while_creating_the_schema_is_cleared_with_a_log_line()
    {
        using var ws = new Workspace();
        // What a kill during the first migration leaves: its transaction rolled back, the lock row not.
        Execute(ws, CreateLockTable);
        Execute(ws, InsertLock);
        var (r, _) = Bounded(ws, "import", "recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1)])));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(0, LockRows(ws));
        Assert.Contains("stale migration lock", Log(ws), StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.Equal(1, db.Cases.Count());
    }

    [Fact]
    public void A_stale_lock_left_after_the_schema_was_committed_is_cleared_too()
    {
        using var ws = new Workspace();
        ws.RunOk("init");
        Execute(ws, InsertLock);
        var (r, _) = Bounded(ws, "history");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(0, LockRows(ws));
        Assert.Contains("stale migration lock", Log(ws), StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_migration_lock_is_waited_for_a_bounded_time_then_exits_1_and_clears_nothing()
    {
        using var ws = new Workspace();
        using (LiveMigrator(ws, 2))
        {
            var (r, took) = Bounded(ws, "history");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("holds the migration lock; gave up after waiting 2 s", r.Error, StringComparison.Ordinal);
            Assert.True(took >= TimeSpan.FromSeconds(2), $"gave up after {took}");
            Assert.Equal(1, LockRows(ws));
        }
        var (after, _) = Bounded(ws, "history");
        Assert.True(after.ExitCode == 0, after.Error);
        Assert.Equal(0, LockRows(ws));
    }

    [Fact]
    public void Giving_up_on_the_lock_is_said_in_the_person_s_language_and_logged_in_English()
    {
        using var ws = new Workspace();
        using var migrator = LiveMigrator(ws, 1);
        var ru = Bounded(ws, "history", "--lang", "ru").Run;
        Assert.Equal(1, ru.ExitCode);
        Assert.Contains("держит блокировку миграции; ожидание прекращено через 1 с", ru.Error, StringComparison.Ordinal);
        var kk = Bounded(ws, "history", "--lang", "kk", "--json").Run;
        Assert.Equal(1, kk.ExitCode);
        Assert.Contains("миграция құлпын ұстап тұр; 1 с күткеннен кейін тоқтатылды", kk.Out + kk.Error, StringComparison.Ordinal);
        var log = Log(ws);
        Assert.Contains("holds the migration lock; gave up after waiting 1 s", log, StringComparison.Ordinal);
        Assert.DoesNotContain("блокировку", log, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every file the process makes is its owner's (umask 077), a library's too: Serilog rolls to the next day's log
    /// when a run crosses midnight, and made it 0644. Seen on a live paybatch, held waiting for the migration lock.
    /// </summary>
    [UnixFact("a process's umask is read from Linux's /proc")]
    public void A_running_paybatch_creates_files_for_its_owner_only()
    {
        using var ws = new Workspace();
        using var migrator = LiveMigrator(ws, 30);
        using var p = PaybatchProcess.Start(ws, "history");
        try
        {
            string? umask = null;
            for (var waited = 0; umask is not "0077" && waited < 200 && !p.HasExited; waited++)
            {
                Thread.Sleep(100);
                umask = File.ReadAllLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("Umask:", StringComparison.Ordinal))?.Split('\t')[1];
            }
            Assert.Equal("0077", umask);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    [Fact]
    public void A_current_schema_takes_no_migration_lock()
    {
        using var ws = new Workspace();
        ws.RunOk("init");
        // A lock table that can never take EF's row (Id 1): any attempt to take the lock would wait.
        Execute(ws, "DROP TABLE \"__EFMigrationsLock\"; CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY CHECK (\"Id\" = 0), \"Timestamp\" TEXT NOT NULL)");
        var (r, _) = Bounded(ws, "history");
        Assert.True(r.ExitCode == 0, r.Error);
    }
}
