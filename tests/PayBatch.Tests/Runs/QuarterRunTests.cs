using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

public class QuarterRunTests
{
    private static (string Recipients, string Certificates) Inputs(Workspace ws, int n = 5)
    {
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        return (ws.Write("recipients.csv", Cases.Csv(rows)), ws.Write("certificates.csv", Cases.Certificates(rows)));
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_run_pays_every_eligible_child_with_references_in_case_id_order(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        var run = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c, "--json");
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("01", json.RootElement.GetProperty("batch").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("140562.50", json.RootElement.GetProperty("total").GetString());
        var csv = File.ReadAllLines(ws.Path_("out", "2026Q1", "01", "HSBKKZKX.csv"));
        Assert.Equal("reference,iban,bic,recipient_iin,recipient_name,amount,currency,knp,purpose,value_date", csv[0]);
        Assert.StartsWith("2026Q1-01-000001,", csv[1], StringComparison.Ordinal);
        Assert.Contains(",C-0001,", "," + string.Join(",", ws.OpenDb().Payments.Where(p => p.Sequence == 1).Select(p => p.CaseId)) + ",", StringComparison.Ordinal);
        Assert.All(csv.Skip(1), l => Assert.Contains(",28112.50,KZT,", l, StringComparison.Ordinal));
        Assert.Contains("Payment:Knp is not set", run.Error, StringComparison.Ordinal); // an empty knp column is said, on stderr only
    }

    [Fact]
    public void The_run_counts_its_exclusions_by_reason_in_the_reasons_order()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 6).Select(i => Cases.Row(i, r =>
        {
            if (i is 2 or 5) r["status"] = "suspended";
            if (i == 4) r["iban"] = "KZ000000000000000000";
        })).ToList();
        var certified = rows.Where((_, i) => i != 4).ToList(); // case 5 suspended and without a certificate: two reasons
        var run = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", ws.Write("recipients.csv", Cases.Csv(rows)),
            "--certificates", ws.Write("certificates.csv", Cases.Certificates(certified)), "--json");
        using var json = JsonDocument.Parse(run.Out);
        var byReason = json.RootElement.GetProperty("exclusionsByReason").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();
        Assert.Equal([("NOT_APPROVED", 2), ("NO_SCHOOL_CERTIFICATE", 1), ("INVALID_IBAN", 1)], byReason);
        // The same as exclusions.csv lists them.
        var named = File.ReadAllLines(ws.Path_("out", "2026Q1", "01", "exclusions.csv")).Skip(1).SelectMany(l => l.Split(',')[2].Split(';'));
        Assert.Equal(byReason.Select(x => x.Name).Order(StringComparer.Ordinal), named.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(byReason.Sum(x => x.Item2), named.Count());

        // On the screen, in the order the cases (in case order) first name them; a run that pays nobody counts the
        // same way, every paid case now ALREADY_PAID, and restores a lost file.
        var second = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-21", "--lang", "en");
        var lines = second.Out.Split('\n').Where(l => l.StartsWith("  excluded ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(["excluded ALREADY_PAID: 3", "excluded NOT_APPROVED: 2", "excluded INVALID_IBAN: 1", "excluded NO_SCHOOL_CERTIFICATE: 1"], lines);
        File.Delete(ws.Path_("out", "2026Q1", "01", "exclusions.csv"));
        using var third = JsonDocument.Parse(ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-21", "--json").Out);
        Assert.Equal(6, third.RootElement.GetProperty("excluded").GetInt32());
        Assert.Equal([("NOT_APPROVED", 2), ("NO_SCHOOL_CERTIFICATE", 1), ("INVALID_IBAN", 1), ("ALREADY_PAID", 3)],
            third.RootElement.GetProperty("exclusionsByReason").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        Assert.Equal(ws.Path_("out", "2026Q1", "01", "exclusions.csv"), third.RootElement.GetProperty("restored").EnumerateArray().Single().GetString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_second_run_pays_nobody_changes_nothing_and_exits_0(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c);
        var before = Snapshot(ws.OutDir);
        var again = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-21", "--json");
        using var json = JsonDocument.Parse(again.Out);
        Assert.False(json.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(before.Keys.Order(), Snapshot(ws.OutDir).Keys.Order());
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Batches.Count());
        Assert.Equal(5, db.Payments.Count());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Lost_files_are_recreated_byte_identical_by_the_next_run(string provider)
    {
        using var ws = new Workspace(provider);
        ws.WriteDepartmentSettings();
        var (r, c) = Inputs(ws);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c, "--format", "pain001");
        var first = Snapshot(ws.OutDir);
        Directory.Delete(ws.OutDir, recursive: true);
        ws.RunOk("run", "--quarter", "2026Q1");
        var second = Snapshot(ws.OutDir);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (name, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[name]), $"{name} differs");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void The_same_inputs_on_a_fresh_database_give_byte_identical_files(string provider)
    {
        using var a = new Workspace(provider);
        using var b = new Workspace("sqlite");
        foreach (var ws in new[] { a, b })
        {
            var (r, c) = Inputs(ws);
            ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c);
        }
        var sa = Snapshot(a.OutDir);
        var sb = Snapshot(b.OutDir);
        Assert.Equal(sa.Keys.Order(), sb.Keys.Order());
        foreach (var (name, bytes) in sa) Assert.True(bytes.AsSpan().SequenceEqual(sb[name]), $"{name} differs");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_late_certificate_makes_a_supplementary_batch_02_and_the_others_are_already_paid(string provider)
    {
        using var ws = new Workspace(provider);
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows.Take(2))));
        ws.RunOk("import", "certificates", ws.Write("late.csv", Cases.Certificates(rows.Skip(2))));
        var run = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-02-16", "--json");
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("02", json.RootElement.GetProperty("batch").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("count").GetInt32());
        var csv = File.ReadAllLines(ws.Path_("out", "2026Q1", "02", "HSBKKZKX.csv"));
        Assert.StartsWith("2026Q1-02-000001,", csv[1], StringComparison.Ordinal);
        var exclusions = File.ReadAllLines(ws.Path_("out", "2026Q1", "02", "exclusions.csv"));
        Assert.Equal(["case_id,child_iin,reasons", $"C-0001,{rows[0]["child_iin"]},ALREADY_PAID", $"C-0002,{rows[1]["child_iin"]},ALREADY_PAID"], exclusions);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Dry_run_reports_like_a_real_run_and_writes_nothing(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        ws.RunOk("import", "recipients", r);
        ws.RunOk("import", "certificates", c);
        var dry = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--dry-run", "--json");
        Assert.False(Directory.Exists(ws.OutDir));
        using (var db = ws.OpenDb()) Assert.Equal(0, db.Batches.Count());
        var real = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--json");
        using var dj = JsonDocument.Parse(dry.Out);
        using var rj = JsonDocument.Parse(real.Out);
        foreach (var field in new[] { "batch", "count", "total", "excluded", "amountPerChild" })
            Assert.Equal(rj.RootElement.GetProperty(field).ToString(), dj.RootElement.GetProperty(field).ToString());
        Assert.Equal(rj.RootElement.GetProperty("files").ToString(), dj.RootElement.GetProperty("files").ToString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Dry_run_with_files_to_import_decides_on_a_copy_and_changes_nothing(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        ws.RunOk("init");
        ws.Environment["TMPDIR"] = ws.Path_("tmp"); // where the copy goes, to see it gone afterwards
        Directory.CreateDirectory(ws.Path_("tmp"));
        var args = new[] { "run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c, "--json" };
        var dry = PaybatchProcess.Run(ws, [.. args, "--dry-run"]);
        if (provider != "sqlite")
        {
            Assert.Equal(2, dry.ExitCode);
            Assert.Contains("which only SQLite has", dry.Out, StringComparison.Ordinal);
            using var none = ws.OpenDb();
            Assert.Equal(0, none.Cases.Count());
            return;
        }
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.False(Directory.Exists(ws.OutDir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(ws.Path_("tmp")));
        using (var db = ws.OpenDb())
        {
            Assert.Equal((0, 0, 0), (db.Cases.Count(), db.Certificates.Count(), db.Batches.Count()));
            Assert.Equal("", db.Audit.AsNoTracking().OrderBy(a => a.Id).Last().Changes ?? "");
        }
        var real = PaybatchProcess.Run(ws, args);
        Assert.True(real.ExitCode == 0, real.Error);
        using var dj = JsonDocument.Parse(dry.Out);
        using var rj = JsonDocument.Parse(real.Out);
        foreach (var field in new[] { "batch", "count", "total", "excluded", "amountPerChild", "files", "imports" })
            Assert.Equal(rj.RootElement.GetProperty(field).ToString(), dj.RootElement.GetProperty(field).ToString());
        Assert.True(dj.RootElement.GetProperty("dryRun").GetBoolean());

        // A dry run whose second file is refused: exit 2, and the audit does not name the first file's import into the copy.
        var bad = ws.Write("bad.csv", "nonsense\n1\n");
        var refused = PaybatchProcess.Run(ws, "run", "--quarter", "2026Q2", "--value-date", "2026-04-20", "--recipients", r, "--certificates", bad, "--dry-run");
        Assert.Equal(2, refused.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(ws.Path_("tmp")));
        using var after = ws.OpenDb();
        Assert.DoesNotContain("imported", after.Audit.AsNoTracking().OrderBy(a => a.Id).Last().Changes ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-24", "not a banking day")] // a Saturday
    [InlineData("2026-01-07", "not a banking day")] // Orthodox Christmas
    [InlineData("2027-01-11", "no banking calendar for 2027")]
    public void A_value_date_that_is_not_a_banking_day_is_refused_with_exit_2(string date, string message)
    {
        const string provider = "sqlite";
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        var run = ws.Run("run", "--quarter", "2026Q1", "--value-date", date, "--recipients", r, "--certificates", c);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.OutDir));
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Cases.Count()); // the files given with the refused run were not imported either
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void The_default_value_date_is_the_first_banking_day_on_or_after_today(string provider)
    {
        using var ws = new Workspace(provider);
        ws.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 21, 10, 0, 0, TimeSpan.Zero)); // Saturday of Nauryz
        var (r, c) = Inputs(ws);
        var run = ws.RunOk("run", "--quarter", "2026Q1", "--recipients", r, "--certificates", c, "--json");
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("2026-03-26", json.RootElement.GetProperty("valueDate").GetString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_quarter_with_no_known_MRP_is_refused(string provider)
    {
        using var ws = new Workspace(provider);
        var run = ws.Run("run", "--quarter", "2027Q1", "--value-date", "2026-12-01");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no MRP is known for 2027-01-01", run.Error, StringComparison.Ordinal);
        var withFiles = ws.Run("run", "--quarter", "2027Q1", "--value-date", "2026-12-01", "--format", "pain001", "--recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1)])));
        Assert.Equal(2, withFiles.ExitCode);
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Cases.Count());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_format_that_names_the_payer_refuses_without_the_department_settings_and_writes_nothing(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        ws.RunOk("import", "recipients", r);
        ws.RunOk("import", "certificates", c);
        var run = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--format", "mt102");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Department:Name", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.OutDir));
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Batches.Count());
        ws.WriteDepartmentSettings(knp: "99");
        var wrongKnp = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--format", "pain001");
        Assert.Equal(2, wrongKnp.ExitCode);
        Assert.Contains("Payment:Knp must be three digits", wrongKnp.Error, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void The_database_refuses_a_second_live_payment_for_the_same_child_and_quarter(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws, 1);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c);
        using var db = ws.OpenDb();
        var p = db.Payments.AsNoTracking().Single();
        var copy = new PaymentRow
        {
            BatchId = p.BatchId, Reference = "2026Q1-01-000002", Quarter = p.Quarter, Sequence = 2, CaseId = "C-OTHER", District = p.District,
            ChildIin = p.ChildIin, ApplicantIin = p.ApplicantIin, ApplicantName = p.ApplicantName, Iban = p.Iban, Bic = p.Bic,
            AmountTiyn = p.AmountTiyn, Status = Core.Domain.PaymentStatus.Issued,
        };
        db.Payments.Add(copy);
        var e = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        Assert.Contains("unique", e.InnerException!.Message, StringComparison.OrdinalIgnoreCase);
        db.ChangeTracker.Clear();
        copy.Id = 0;
        copy.Status = Core.Domain.PaymentStatus.Rejected; // a rejected payment is not live: allowed beside the live one
        db.Payments.Add(copy);
        db.SaveChanges();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Json_output_is_one_object_and_nothing_else_on_stdout(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        var run = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c, "--json");
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        var bad = ws.Run("run", "--quarter", "2026Q9", "--json");
        Assert.Equal(2, bad.ExitCode);
        using var err = JsonDocument.Parse(bad.Out);
        Assert.Equal(2, err.RootElement.GetProperty("exitCode").GetInt32());
    }

    /// <summary>A quarter of a year past those a quarter has (3000 on) is refused as any malformed one is; it used to end the process unhandled.</summary>
    [Theory]
    [InlineData("run")]
    [InlineData("status")]
    [InlineData("report")]
    public void A_quarter_past_the_years_a_quarter_has_is_refused(string command)
    {
        using var ws = new Workspace();
        var result = ws.Run(command, "--quarter", "3000Q1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'3000Q1'", result.Error, StringComparison.Ordinal);
    }

    [UnixTheory("checks Unix file modes; on Windows PayBatch sets no owner-only access list, so files take their folder's permissions: not enforced there")]
    [ClassData(typeof(Providers))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Output_files_are_readable_by_their_owner_only(string provider)
    {
        using var ws = new Workspace(provider);
        var (r, c) = Inputs(ws);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", r, "--certificates", c);
        foreach (var f in Directory.GetFiles(ws.OutDir, "*", SearchOption.AllDirectories))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ws.Path_("out", "2026Q1")));
        // The log names files and references: it is the owner's too.
        var logs = Directory.GetFiles(ws.Path_("logs"), "*.log");
        Assert.NotEmpty(logs);
        Assert.All(logs, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }
}
