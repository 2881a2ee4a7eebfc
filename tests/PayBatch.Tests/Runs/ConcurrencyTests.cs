using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>Two real processes started at once on the same database: one batch, one application of each confirmation.</summary>
public class ConcurrencyTests
{
    private static Process Start(Workspace ws, params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = ws.Dir, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "paybatch.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (System.Collections.DictionaryEntry e in ws.Environment) psi.Environment[(string)e.Key] = (string?)e.Value;
        return Process.Start(psi)!;
    }

    private static List<(int Code, JsonDocument Json, string Error)> Race(Workspace ws, params string[] args)
    {
        var processes = new[] { Start(ws, args), Start(ws, args) };
        return processes.Select(p =>
        {
            var err = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(180_000), "paybatch did not finish");
            return (p.ExitCode, JsonDocument.Parse(output), err.Result);
        }).ToList();
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
        Assert.Equal(n, db.Payments.Count(p => p.Status == "credited"));
        Assert.Equal(n, db.Confirmations.Count());
    }
}
