using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// A power cut, as a test: a real paybatch is killed (SIGKILL) at several moments of import (the
/// schema's creation included), run and reconcile. After every kill the database is intact, and once
/// the command is run again no migration lock is left, no half-written file, each child has at most
/// one live payment, and the batch's files are byte-identical to a re-creation from the database.
/// </summary>
public class KillTests
{
    private const int Cases_ = 2000;

    private static void Kill(Workspace ws, int afterMs, params string[] args)
    {
        using var p = PaybatchProcess.Start(ws, args);
        if (!p.WaitForExit(afterMs)) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        AssertIntact(ws);
    }

    /// <summary>Starts again from no database (a killed writer may have left a journal beside it).</summary>
    private static void NewDatabase(Workspace ws)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" }) File.Delete(ws.Path_("paybatch.db" + suffix));
    }

    /// <summary>Runs the command to its end in a new process: a stale lock must not make it wait for ever (the bound is for a loaded machine).</summary>
    private static void Complete(Workspace ws, params string[] args)
    {
        var r = PaybatchProcess.RunWithin(ws, TimeSpan.FromMinutes(5), args);
        Assert.True(r.ExitCode == 0, $"paybatch {string.Join(' ', args)} exited {r.ExitCode}: {r.Error}");
    }

    private static T Scalar<T>(Workspace ws, string sql)
    {
        using var db = ws.OpenDb();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    /// <summary>
    /// What must hold after any kill: SQLite's own check, foreign keys, and the schema's indexes, all of them or (killed
    /// while the schema was being made) none: an import into an empty table and a first run set indexes aside until their
    /// rows are in, and a kill meanwhile must leave them as they were.
    /// </summary>
    private static void AssertIntact(Workspace ws)
    {
        if (!File.Exists(ws.Path_("paybatch.db"))) return;
        Assert.Equal("ok", Scalar<string>(ws, "PRAGMA integrity_check"));
        Assert.Null(Scalar<object?>(ws, "PRAGMA foreign_key_check"));
        var schemaMade = Scalar<long>(ws, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'cases'") == 1;
        Assert.Equal(schemaMade ? SchemaIndexes.Value : "", Scalar<object?>(ws, IndexNames) as string ?? "");
    }

    private const string IndexNames = "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)";

    /// <summary>The indexes of a new database's schema.</summary>
    private static readonly Lazy<string> SchemaIndexes = new(() =>
    {
        using var ws = new Workspace();
        ws.RunOk("init");
        return Scalar<string>(ws, IndexNames);
    });

    /// <summary>What must hold once the killed command has been run to its end.</summary>
    private static void AssertWhole(Workspace ws)
    {
        AssertIntact(ws);
        Assert.Equal(0L, Scalar<long>(ws, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.Equal(0L, Scalar<long>(ws, "SELECT COUNT(*) FROM (SELECT child_iin FROM payments WHERE status <> 'rejected' GROUP BY quarter, child_iin HAVING COUNT(*) > 1)"));
        Assert.Empty(Directory.Exists(ws.OutDir) ? Directory.GetFiles(ws.OutDir, "*.partial", SearchOption.AllDirectories) : []);
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void Killing_import_run_and_reconcile_at_any_moment_leaves_nothing_half_done()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, Cases_).Select(i => Cases.Row(i)).ToList();
        var registry = ws.Write("r.csv", Cases.Csv(rows));
        var certificates = ws.Write("c.csv", Cases.Certificates(rows));

        // The kills fall at fractions of a whole import in a new process, on this machine, now.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Complete(ws, "import", "recipients", registry);
        var whole = watch.ElapsedMilliseconds;
        int[] At(params double[] fractions) => [.. fractions.Select(f => (int)(f * whole))];

        // Import on a new database: its first moments are the schema's creation under the migration lock.
        foreach (var ms in At(0.2, 0.4, 0.6, 0.8))
        {
            NewDatabase(ws);
            Kill(ws, ms, "import", "recipients", registry);
        }
        Complete(ws, "import", "recipients", registry);
        AssertWhole(ws);
        Assert.Equal((long)Cases_, Scalar<long>(ws, "SELECT COUNT(*) FROM cases"));
        Complete(ws, "import", "certificates", certificates);

        string[] run = ["run", "--quarter", "2026Q1", "--value-date", "2026-01-20"];
        foreach (var ms in At(0.3, 0.6, 0.9)) Kill(ws, ms, run);
        Complete(ws, run);
        AssertWhole(ws);
        Assert.Equal(1L, Scalar<long>(ws, "SELECT COUNT(*) FROM batches"));
        Assert.Equal((long)Cases_, Scalar<long>(ws, "SELECT COUNT(*) FROM payments"));

        // The folder as the runs left it is what the database re-creates, byte for byte.
        var folder = ws.Path_("out", "2026Q1", "01");
        var written = Files(folder);
        using (var db = ws.OpenDb())
            foreach (var f in db.BatchFiles.AsNoTracking().ToList())
                Assert.Equal(f.Sha256, Convert.ToHexStringLower(SHA256.HashData(written[f.FileName])));
        Directory.Delete(folder, recursive: true);
        Complete(ws, run);
        Assert.Equal(written, Files(folder));

        var lines = Enumerable.Range(1, Cases_).Select(i => $"2026Q1-01-{i:000000},,28112.50,{(i % 10 == 0 ? "rejected,," + "AC01" : "credited,2026-01-21,")}");
        var bank = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n" + string.Join("\n", lines) + "\n");
        string[] reconcile = ["reconcile", bank, "--as-of", "2026-01-21"];
        foreach (var ms in At(0.3, 0.6, 0.9)) Kill(ws, ms, reconcile);
        Complete(ws, reconcile);
        AssertWhole(ws);
        Assert.Equal((long)Cases_ / 10, Scalar<long>(ws, "SELECT COUNT(*) FROM payments WHERE status = 'rejected'"));
        Assert.Equal((long)Cases_, Scalar<long>(ws, "SELECT COUNT(*) FROM confirmations"));
        var reconciliation = File.ReadAllBytes(ws.Path_("out", "2026Q1", "reconciliation.csv"));
        Complete(ws, reconcile);
        Assert.Equal(reconciliation, File.ReadAllBytes(ws.Path_("out", "2026Q1", "reconciliation.csv")));
    }
}
