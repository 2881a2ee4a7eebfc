using System.Diagnostics;
using System.Runtime.Versioning;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

/// <summary>samples/ci/quarter.sh, the scheduled job, run for real with the built paybatch on its PATH.</summary>
public class ScheduledJobTests
{
    [UnsupportedOSPlatform("windows")]
    private static (int Code, string Out) Job(Workspace ws)
    {
        var bin = Directory.CreateDirectory(ws.Path_("bin")).FullName;
        var shim = Path.Combine(bin, "paybatch");
        File.WriteAllText(shim, $"#!/bin/sh\nexec \"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"}\" \"{Path.Combine(AppContext.BaseDirectory, "paybatch.dll")}\" \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = ws.Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(Repo.Samples, "ci", "quarter.sh"));
        foreach (System.Collections.DictionaryEntry e in ws.Environment) psi.Environment[(string)e.Key] = (string?)e.Value;
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(180_000));
        return (p.ExitCode, output + err.Result);
    }

    [UnixFact("runs the bash scheduled job; the Windows Task Scheduler job (release/schedule, PowerShell) is not run by any test")]
    [UnsupportedOSPlatform("windows")]
    public void The_daily_job_pays_then_reconciles_until_nothing_is_pending_and_fails_when_a_person_must_act()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        ws.Environment["PAYBATCH_QUARTER"] = "2026Q1";
        ws.Environment["PAYBATCH_VALUE_DATE"] = "2026-01-20";
        ws.Environment["PAYBATCH_AS_OF"] = "2026-01-21";
        ws.Environment["PAYBATCH_INBOX"] = ws.Path_("inbox");
        Directory.CreateDirectory(ws.Path_("inbox"));

        var first = Job(ws);
        Assert.True(first.Code == 0, first.Out);
        Assert.Contains("2026Q1: pending 3, overdue 0", first.Out, StringComparison.Ordinal);

        ws.Write(Path.Combine("inbox", "bank.csv"), "reference,iban,amount,status,credited_on,reason\n" +
            string.Concat(Enumerable.Range(1, 3).Select(i => $"2026Q1-01-{i:000000},,28112.50,credited,2026-01-21,\n")));
        var second = Job(ws);
        Assert.True(second.Code == 0, second.Out);
        Assert.Contains("2026Q1 complete: nothing pending", second.Out, StringComparison.Ordinal);

        ws.Write(Path.Combine("inbox", "stray.csv"), "reference,iban,amount,status,credited_on,reason\n2026Q1-01-000042,,28112.50,credited,2026-01-21,\n");
        var third = Job(ws);
        Assert.Equal(3, third.Code);
        Assert.Contains("a person must act", third.Out, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Batches.Count());
    }
}
