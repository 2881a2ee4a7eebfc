using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>Two real processes started at once on the same database: one batch, one application of each confirmation.</summary>
public class ConcurrencyTests
{
    private static List<(int Code, JsonDocument Json, string Error)> Race(Workspace ws, params string[] args)
    {
        var processes = new[] { PaybatchProcess.Start(ws, args), PaybatchProcess.Start(ws, args) };
        return processes.Select(PaybatchProcess.Finish).Select(r => (r.ExitCode, JsonDocument.Parse(r.Out), r.Error)).ToList();
    }

    private static (Workspace Ws, int Cases) Registry(string provider, int n = 1500)
    {
        var ws = new Workspace(provider);
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return (ws, n);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Two_runs_of_the_same_quarter_at_once_create_one_batch(string provider)
    {
        var (ws, n) = Registry(provider);
        using var _ = ws;
        var results = Race(ws, "run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--json");
        Assert.All(results, r => Assert.True(r.Code == 0, r.Error));
        Assert.Equal([false, true], results.Select(r => r.Json.RootElement.GetProperty("created").GetBoolean()).Order());
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Batches.Count());
        Assert.Equal(n, db.Payments.Count());
        Assert.Equal(n, db.Payments.Select(p => p.ChildIin).Distinct().Count());
        Assert.True(File.Exists(ws.Path_("out", "2026Q1", "01", "manifest.json")));
        Assert.False(Directory.Exists(ws.Path_("out", "2026Q1", "02")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Two_reconciles_of_the_same_file_at_once_apply_each_line_once(string provider)
    {
        var (ws, n) = Registry(provider, 600);
        using var _ = ws;
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        var lines = Enumerable.Range(1, n).Select(i => $"2026Q1-01-{i:000000},,28112.50,credited,2026-01-21,");
        var file = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n" + string.Join("\n", lines) + "\n");
        var results = Race(ws, "reconcile", file, "--as-of", "2026-01-21", "--json");
        Assert.All(results, r => Assert.True(r.Code == 0, r.Error));
        Assert.Equal([0, n], results.Select(r => r.Json.RootElement.GetProperty("applied").GetInt32()).Order());
        Assert.Equal([0, n], results.Select(r => r.Json.RootElement.GetProperty("alreadyRecorded").GetInt32()).Order());
        using var db = ws.OpenDb();
        Assert.Equal(n, db.Payments.Count(p => p.Status == Core.Domain.PaymentStatus.Credited));
        Assert.Equal(n, db.Confirmations.Count());
    }
}

/// <summary>The real executable, each command in a fresh process: what an accountant's machine does.</summary>
public class ProcessTests
{
    [Fact]
    public void A_fresh_process_writes_a_Windows1251_bank_file_for_a_bank_whose_directory_entry_says_so()
    {
        using var ws = new Workspace();
        ws.Environment["PAYBATCH_DATADIRECTORY"] = Path.Combine(Repo.TestData, "bank-preferences");
        var rows = new[] { Cases.Row(1, r => { r["bank_bic"] = "KCJBKZKX"; r["iban"] = Cases.MakeIban("856", 1); }) };
        Assert.Equal(0, PaybatchProcess.Run(ws, "import", "recipients", ws.Write("r.csv", Cases.Csv(rows))).ExitCode);
        Assert.Equal(0, PaybatchProcess.Run(ws, "import", "certificates", ws.Write("c.csv", Cases.Certificates(rows))).ExitCode);
        var run = PaybatchProcess.Run(ws, "run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.True(run.ExitCode == 0, run.Error);
        var text = Core.Formats.Encodings.Windows1251.GetString(File.ReadAllBytes(ws.Path_("out", "2026Q1", "01", "KCJBKZKX.csv")));
        Assert.Contains(";Касымова Гулнар Болаткызы1;", text, StringComparison.Ordinal);
    }
}
