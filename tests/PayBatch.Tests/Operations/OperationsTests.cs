using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PayBatch.Cli;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

public class OperationsTests
{
    [Fact]
    public void A_full_run_logs_none_of_the_inputs_IINs_IBANs_or_names()
    {
        using var ws = SampleQuarter.Create();
        ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-02-23", "--all-rejected");
        ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-02-24", "--verbose");
        ws.Run("reconcile", Path.Combine(Repo.Samples, "bank-confirmations.csv"), "--as-of", "2026-02-24", "--verbose");
        ws.Run("import", "recipients", ws.Write("bad.csv", Cases.Csv([Cases.Row(1, r => r["status"] = "nope")])));
        var log = string.Concat(Directory.GetFiles(ws.Path_("logs")).Select(File.ReadAllText));
        Assert.Contains("Created run batch 2026Q1-01", log, StringComparison.Ordinal);
        Assert.Contains("[DBG]", log, StringComparison.Ordinal); // --verbose adds the debug lines (run with --verbose below)
        var registry = File.ReadAllLines(Path.Combine(Repo.Samples, "recipients.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var row in registry)
        {
            Assert.DoesNotContain(row[2], log, StringComparison.Ordinal); // applicant_iin
            Assert.DoesNotContain(row[6], log, StringComparison.Ordinal); // child_iin
            Assert.DoesNotContain(row[3], log, StringComparison.Ordinal); // applicant_name
            Assert.DoesNotContain(Core.Domain.Iban.Normalize(row[18]), log, StringComparison.Ordinal);
        }
        Assert.Matches(new Regex(@"\[INF\] [0-9a-f]{12} "), log); // the run id on every line
    }

    [Fact]
    public void Redaction_masks_anything_shaped_like_an_IIN_or_a_KZ_IBAN()
    {
        Assert.Equal("child 14********21 paid to KZ************0001", Logging.Redact("child 140315501021 paid to KZ637220000007000001"));
        Assert.Equal("2026Q1-01-000001", Logging.Redact("2026Q1-01-000001"));
        Assert.Equal("to KZ************3855.", Logging.Redact("to KZ45 9657 5364 4302 3855.")); // in groups of four, as the registry takes it
        // A SHA-256 with twelve digits in a row stays whole; the same digits anywhere else are masked.
        const string sha = "0ce99232564823f21b3bdb8aab140315501021fd72310aa3fc60a0625a261900";
        Assert.Equal(64, sha.Length);
        Assert.Equal($"CASPKZKA.csv sha256 {sha}", Logging.Redact($"CASPKZKA.csv sha256 {sha}"));
        Assert.Equal("child 14********21 file a3f14********21", Logging.Redact("child 140315501021 file a3f140315501021"));
        Assert.Equal("14********21" + sha[38..], Logging.Redact("140315501021" + sha[38..])); // a shorter hex run: no hash
    }

    [Fact]
    public void A_run_id_of_twelve_digits_stays_whole_in_the_log_while_an_IIN_in_the_message_is_masked()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paybatch-log-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var log = Logging.Create(folder, "123456789012", verbose: false))
                log.Information("child {Iin} paid", "140315501021");
            // Every file's lines: should midnight pass, the logger may have made a second, empty day's file.
            var line = Directory.GetFiles(folder).SelectMany(File.ReadAllLines).Single();
            Assert.Contains("[INF] 123456789012 child 14********21 paid", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Fails the first <c>failures</c> statements containing <c>statement</c> (an insert into batches unless told), or every
    /// one, with the given SQLite error; with <c>when</c>, only once it holds (waiting up to 10 s for it).
    /// </summary>
    private sealed class FaultInjector(int errorCode, int failures, string statement = "INSERT INTO \"batches\"", Func<bool>? when = null) : DbCommandInterceptor
    {
        public int Thrown { get; private set; }
        public bool Waited { get; private set; }

        private void Maybe(DbCommand command)
        {
            if (!command.CommandText.Contains(statement, StringComparison.Ordinal) || Thrown >= failures) return;
            if (when is not null) Waited = SpinWait.SpinUntil(when, TimeSpan.FromSeconds(10));
            Thrown++;
            throw new SqliteException(errorCode == 5 ? "database is locked" : "disk I/O error", errorCode);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Maybe(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Maybe(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Maybe(command);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>
    /// Gives each SQLite connection a function <c>name()</c> whose <c>call</c>-th call fails, once <c>when</c> holds (waiting up
    /// to 10 s for it), and which does nothing otherwise: for statements that go around EF Core's commands (the row feed's).
    /// </summary>
    private sealed class FunctionFault(string name, int call, Func<bool> when) : DbConnectionInterceptor
    {
        private int _calls;

        public int Thrown { get; private set; }
        public bool Waited { get; private set; }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Define(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Define(connection);
            return Task.CompletedTask;
        }

        private void Define(DbConnection connection) => ((SqliteConnection)connection).CreateFunction<object?>(name, () =>
        {
            if (++_calls != call) return null;
            Waited = SpinWait.SpinUntil(when, TimeSpan.FromSeconds(10));
            Thrown++;
            throw new InvalidOperationException("disk I/O error");
        });
    }

    [Fact]
    public void A_run_succeeds_through_transient_database_faults()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        var busy = new FaultInjector(5, failures: 2);
        ws.Interceptors = [busy];
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.Equal(2, busy.Thrown);
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Batches.Count());
        Assert.Equal(3, db.Payments.Count());
    }

    /// <summary>
    /// batches: the first insert, while the bank files are being rendered beside it; batch_files: the last, once they are
    /// all on disk under temporary names. Either way nothing is recorded and nothing stays on disk.
    /// </summary>
    [Theory]
    [InlineData("batches")]
    [InlineData("batch_files")]
    public void A_permanent_fault_fails_fast_with_exit_1_and_changes_nothing(string table)
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        // The batches insert fails only once the rendering beside it has put a bank file on disk under its temporary name.
        var folder = ws.Path_("out", "2026Q1", "01");
        var broken = new FaultInjector(10, failures: int.MaxValue, $"INSERT INTO \"{table}\"", when: () => Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
        ws.Interceptors = [broken];
        var r = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(1, broken.Thrown);
        Assert.True(broken.Waited, "a bank file was on disk when the insert failed");
        Assert.Contains("unexpected failure", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.OutDir));
        ws.Interceptors = [];
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Batches.Count());
        Assert.Equal(0, db.Payments.Count());
    }

    /// <summary>A workspace whose three cases were paid in 2026Q1's batch 01, valued 2026-01-20.</summary>
    private static Workspace PaidQuarter()
    {
        var ws = new Workspace();
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    /// <summary>
    /// Reconcile takes its write lock and loads the first quarter's payments while its CSV files are still being read: a
    /// file's problem further down is what is reported when the database fails meanwhile (here the lock's statement), as
    /// when the files were read before anything else, and nothing is applied.
    /// </summary>
    [Fact]
    public void A_bad_line_after_good_ones_is_reported_over_a_database_fault_while_the_file_is_still_read()
    {
        using var ws = PaidQuarter();
        // 200,000 good lines before the bad one: the lock's statement fails while they are still being read (a file
        // already refused when the first quarter is seen is refused before the lock is taken, and the fault not reached).
        const int good = 200_000;
        var bank = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n" +
            string.Concat(Enumerable.Range(0, good).Select(i => $"2026Q1-01-00000{(i % 3) + 1},,28112.50,credited,2026-01-21,\n")) +
            "2026Q1-01-000003,,28112.50,paid,2026-01-21,\n");
        var broken = new FaultInjector(10, failures: int.MaxValue, "UPDATE batches SET id = id WHERE 0 = 1");
        ws.Interceptors = [broken];
        var r = ws.Run("reconcile", bank, "--as-of", "2026-01-22");
        Assert.Equal(2, r.ExitCode);
        Assert.InRange(broken.Thrown, 0, 1); // 1 (the usual case), 0 on a machine too busy to take the lock within the reading's time
        Assert.Contains("bank.csv", r.Error, StringComparison.Ordinal);
        Assert.Contains($"line {good + 2}, column 'status'", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("disk I/O error", r.Error, StringComparison.Ordinal);
        ws.Interceptors = [];
        using var db = ws.OpenDb();
        Assert.All(db.Payments.ToList(), p => Assert.Equal(Core.Domain.PaymentStatus.Issued, p.Status));
        Assert.Equal(0, db.Confirmations.Count());
    }

    /// <summary>
    /// Reconcile's files are rendered beside its writes: a fault in the status update, once a file is staged beside its
    /// place, leaves neither the files nor their temporaries, and nothing applied. The run after it does the whole job.
    /// </summary>
    [Fact]
    public void A_fault_in_reconciles_update_leaves_no_file_and_nothing_applied()
    {
        using var ws = PaidQuarter();
        var bank = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n" +
            string.Concat(Enumerable.Range(1, 3).Select(i => $"2026Q1-01-{i:000000},,28112.50,credited,2026-01-21,\n")));
        var quarter = ws.Path_("out", "2026Q1");
        string[] Files() => [.. Directory.EnumerateFiles(quarter).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        // SQLite updates the statuses through its row feed, which no command interceptor sees: a trigger of the update calls a
        // function of the connection, which fails at the third payment (two of the chunk updated before it), once a file is staged.
        using (var db = ws.OpenDb())
            db.Database.ExecuteSqlRaw("CREATE TRIGGER test_fault BEFORE UPDATE OF status ON payments BEGIN SELECT test_fault(); END");
        var broken = new FunctionFault("test_fault", call: 3, when: () => Files().Any(f => f.EndsWith(".partial", StringComparison.Ordinal)));
        ws.Interceptors = [broken];
        var r = ws.Run("reconcile", bank, "--as-of", "2026-01-22");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(1, broken.Thrown);
        Assert.True(broken.Waited, "a file was staged when the update failed");
        Assert.Empty(Files());
        using (var db = ws.OpenDb())
        {
            Assert.All(db.Payments.ToList(), p => Assert.Equal(Core.Domain.PaymentStatus.Issued, p.Status));
            Assert.Equal(0, db.Confirmations.Count());
            db.Database.ExecuteSqlRaw("DROP TRIGGER test_fault");
        }
        ws.Interceptors = [];
        ws.RunOk("reconcile", bank, "--as-of", "2026-01-22");
        Assert.Equal(["findings.csv", "reconciliation.csv"], Files());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(quarter, "reconciliation.csv")).Count(l => l.Contains(",credited,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Settings_come_from_defaults_then_paybatch_json_then_environment_then_command_line()
    {
        using var ws = new Workspace();
        ws.Write("paybatch.json", """{ "Output": "from-json", "Logs": "logs-json", "Department": { "Name": "json", "Bin": "080340001230" }, "Payment": { "Knp": "111" } }""");
        ws.Environment["PAYBATCH_DEPARTMENT__NAME"] = "env";
        ws.Environment["PAYBATCH_PAYMENT__KNP"] = "222";
        ws.Environment["PAYBATCH_DATABASE__CONNECTIONSTRING"] = $"Data Source={ws.Path_("x.db")};Password=hunter2";
        var r = ws.RunOk("config", "show", "--json", "--provider", "sqlite");
        using var json = JsonDocument.Parse(r.Out);
        var settings = json.RootElement.GetProperty("settings").EnumerateArray()
            .ToDictionary(e => e.GetProperty("key").GetString()!, e => (e.GetProperty("value").GetString(), e.GetProperty("source").GetString()), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(("6.5", "default"), settings["Payment:Coefficient"]);
        Assert.Equal(("from-json", "paybatch.json"), settings["Output"]);
        Assert.Equal(("080340001230", "paybatch.json"), settings["Department:Bin"]);
        Assert.Equal(("env", "environment"), settings["Department:Name"]);
        Assert.Equal(("222", "environment"), settings["Payment:Knp"]);
        Assert.Equal(("sqlite", "command line"), settings["Database:Provider"]);
        Assert.Contains("Password=***", settings["Database:ConnectionString"].Item1, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", r.Out, StringComparison.Ordinal);
        // The command line wins over all: --out on run.
        ws.Environment.Remove("PAYBATCH_DATABASE__CONNECTIONSTRING");
        var rows = new[] { Cases.Row(1) };
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--out", "from-cli",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        Assert.True(Directory.Exists(ws.Path_("from-cli", "2026Q1", "01")));
        Assert.False(Directory.Exists(ws.Path_("from-json")));
        Assert.True(Directory.Exists(ws.Path_("logs-json")));
    }

    [Theory]
    [InlineData("init")]
    [InlineData("calendar", "--year", "2026")]
    [InlineData("report", "--quarter", "2026Q1", "--as-of", "2026-02-20")]
    [InlineData("reissue", "--quarter", "2026Q1", "--value-date", "2026-02-23")]
    [InlineData("run", "--quarter", "2026Q1", "--value-date", "2026-02-23")]
    [InlineData("history")]
    [InlineData("config", "show")]
    [InlineData("run", "--quarter", "2026Q1", "--value-date", "2026-02-21")]
    [InlineData("import", "recipients", "missing.csv")]
    [InlineData("bogus")]
    public void With_json_stdout_holds_exactly_one_JSON_object(params string[] args)
    {
        using var ws = new Workspace();
        var r = ws.Run([.. args, "--json"]);
        using var json = JsonDocument.Parse(r.Out); // throws on anything but a single JSON value
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        if (r.ExitCode != 0) Assert.Equal(r.ExitCode, json.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Progress_is_shown_at_a_terminal_only()
    {
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        using var ws = new Workspace();
        var file = ws.Write("r.csv", Cases.Csv(rows));
        ws.Environment.Remove("CI");
        ws.Terminal = true;
        Assert.Matches(@"recipients\s+\[#{24}\] 100%\s+3", ws.RunOk("import", "recipients", file).Error);
        Assert.Contains("deciding", ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--dry-run").Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[", ws.RunOk("import", "recipients", file, "--json").Error, StringComparison.Ordinal);
        ws.Environment["CI"] = "true";
        Assert.DoesNotContain("[", ws.RunOk("import", "recipients", file).Error, StringComparison.Ordinal);
        ws.Environment.Remove("CI");
        ws.Terminal = false;
        Assert.DoesNotContain("[", ws.RunOk("import", "recipients", file).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_run_is_in_the_audit_trail_with_input_hashes_and_changes()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 2).Select(i => Cases.Row(i)).ToList();
        var r = ws.Write("r.csv", Cases.Csv(rows));
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-24");
        using var json = JsonDocument.Parse(ws.RunOk("history", "--json").Out);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["run", "run"], entries.Select(e => e.GetProperty("command").GetString()));
        var refused = entries[0];
        Assert.Equal(2, refused.GetProperty("exitCode").GetInt32());
        var paid = entries[1];
        Assert.Equal(0, paid.GetProperty("exitCode").GetInt32());
        Assert.Contains("created batch 2026Q1-01: 2 payments, 56225.00 KZT", paid.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(r))), paid.GetProperty("inputHashes").GetProperty("r.csv").GetString());
        Assert.Contains("--value-date 2026-01-20", paid.GetProperty("arguments").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(paid.GetProperty("user").GetString()));
    }

    [Theory]
    [InlineData("run", "--quarter", "2026Q1", "--provider", "mysql")]
    [InlineData("import", "recipients", "missing.csv")]
    [InlineData("run", "--quarter", "2026Q1", "--recipients", "missing.csv")]
    public void Refusals_exit_2_and_leave_no_database_behind(params string[] args)
    {
        using var ws = new Workspace();
        ws.Environment.Remove("PAYBATCH_DATABASE__CONNECTIONSTRING");
        ws.Environment.Remove("PAYBATCH_DATABASE__PROVIDER");
        var r = ws.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ws.Path_("paybatch.db")));
    }

    [Fact]
    public void A_plain_file_path_is_accepted_as_the_SQLite_database()
    {
        using var ws = new Workspace();
        ws.Environment.Remove("PAYBATCH_DATABASE__CONNECTIONSTRING");
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1)])), "--db", "accounts/2026.db");
        Assert.True(File.Exists(ws.Path_("accounts", "2026.db")));
        Assert.False(File.Exists(ws.Path_("paybatch.db")));
        if (!OperatingSystem.IsWindows()) // the registry's personal data: readable by its owner only
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.Path_("accounts", "2026.db")));
    }

    [Fact]
    public void Version_is_printed()
    {
        using var ws = new Workspace();
        var r = ws.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), r.Out);
    }
}

public class FileRetryTests
{
    [Fact]
    public void An_input_file_locked_by_another_program_is_read_once_the_lock_is_released()
    {
        using var ws = new Workspace();
        ws.RunOk("init"); // so the import reaches the file at once, while it is still locked
        var file = ws.Write("r.csv", Cases.Csv([Cases.Row(1)]));
        var locked = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var probe = Record.Exception(() => File.OpenRead(file).Dispose());
        Assert.True(probe is IOException, $"the lock is not seen on this platform: {probe?.GetType().Name}");
        using var release = new Timer(_ => locked.Dispose(), null, 500, Timeout.Infinite);
        ws.RunOk("import", "recipients", file);
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Cases.Count());
    }
}
