using System.Diagnostics;
using System.Runtime.Versioning;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

/// <summary>
/// The scheduled jobs, run for real with the built paybatch: samples/ci/quarter.sh (the CI samples' job) and
/// release/schedule/paybatch-daily.ps1 (the Windows package's Task Scheduler job, here under PowerShell 7,
/// which scripts/test.sh installs as a dotnet tool).
/// </summary>
public class ScheduledJobTests
{
    /// <summary>PowerShell: PAYBATCH_TEST_PWSH (scripts/test.sh sets it), else pwsh on the PATH; a missing one fails the test.</summary>
    private static string Pwsh() => Environment.GetEnvironmentVariable("PAYBATCH_TEST_PWSH") is { Length: > 0 } pwsh ? pwsh : "pwsh";

    /// <summary>
    /// Runs the Windows job as the package lays it out: the job in schedule\ beside paybatch.exe, which here is a
    /// shell script running the built paybatch (the test's own stand-in for the packaged executable).
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    private static (int Code, string Out) WindowsJob(Workspace ws)
    {
        var folder = Directory.CreateDirectory(ws.Path_("PayBatch")).FullName;
        var schedule = Directory.CreateDirectory(Path.Combine(folder, "schedule")).FullName;
        File.Copy(Path.Combine(Repo.Root, "release", "schedule", "paybatch-daily.ps1"), Path.Combine(schedule, "paybatch-daily.ps1"), overwrite: true);
        PaybatchShim(Path.Combine(folder, "paybatch.exe"));
        var psi = new ProcessStartInfo(Pwsh());
        foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-File", Path.Combine(schedule, "paybatch-daily.ps1") }) psi.ArgumentList.Add(a);
        return Run(ws, psi);
    }

    /// <summary>An executable shell script at <paramref name="path"/> that runs the built paybatch with its arguments.</summary>
    [UnsupportedOSPlatform("windows")]
    private static void PaybatchShim(string path)
    {
        File.WriteAllText(path, $"#!/bin/sh\nexec \"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"}\" \"{Path.Combine(AppContext.BaseDirectory, "paybatch.dll")}\" \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Runs a job in the workspace with its environment; its exit code and everything it printed.</summary>
    private static (int Code, string Out) Run(Workspace ws, ProcessStartInfo psi)
    {
        psi.WorkingDirectory = ws.Dir;
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        foreach (System.Collections.DictionaryEntry e in ws.Environment) psi.Environment[(string)e.Key] = (string?)e.Value;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(180_000));
        return (p.ExitCode, output + err.Result);
    }

    /// <summary>Three payable cases and the day both jobs run as: 2026Q1, value date 2026-01-20, judged as of 2026-01-21.</summary>
    private static void ThreeCases(Workspace ws)
    {
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        ws.Environment["PAYBATCH_QUARTER"] = "2026Q1";
        ws.Environment["PAYBATCH_VALUE_DATE"] = "2026-01-20";
        ws.Environment["PAYBATCH_AS_OF"] = "2026-01-21";
    }

    [UnixFact("puts a shell script in paybatch.exe's place; on Windows the job would need the packaged paybatch.exe, which the tests do not build")]
    [UnsupportedOSPlatform("windows")]
    public void The_Windows_daily_job_pays_reads_the_inbox_once_and_ends_with_3_when_a_person_must_act()
    {
        using var ws = new Workspace();
        ThreeCases(ws);
        var folder = ws.Path_("PayBatch");

        var first = WindowsJob(ws);
        Assert.True(first.Code == 0, first.Out);
        Assert.True(File.Exists(Path.Combine(folder, "out", "2026Q1", "01", "manifest.json")), first.Out);
        Assert.Single(Directory.GetFiles(folder, "*report-2026Q1.xlsx", SearchOption.AllDirectories)); // out\report-… (one name on Linux)

        var inbox = Path.Combine(folder, "inbox");
        File.WriteAllText(Path.Combine(inbox, "bank.csv"), "reference,iban,amount,status,credited_on,reason\n" +
            string.Concat(Enumerable.Range(1, 3).Select(i => $"2026Q1-01-{i:000000},,28112.50,credited,2026-01-21,\n")));
        var second = WindowsJob(ws);
        Assert.True(second.Code == 0, second.Out);
        Assert.False(File.Exists(Path.Combine(inbox, "bank.csv")));
        Assert.True(File.Exists(Path.Combine(inbox, "read", "bank.csv"))); // read once: moved aside
        using (var db = ws.OpenDb()) Assert.All(db.Payments.ToList(), p => Assert.Equal(Core.Domain.PaymentStatus.Credited, p.Status));

        File.WriteAllText(Path.Combine(inbox, "stray.csv"), "reference,iban,amount,status,credited_on,reason\n2026Q1-01-000042,,28112.50,credited,2026-01-21,\n");
        var third = WindowsJob(ws);
        Assert.Equal(3, third.Code);
        Assert.True(File.Exists(Path.Combine(inbox, "read", "stray.csv")));
        using (var db = ws.OpenDb()) Assert.Equal(1, db.Batches.Count());
    }

    [UnsupportedOSPlatform("windows")]
    private static (int Code, string Out) Job(Workspace ws)
    {
        var bin = Directory.CreateDirectory(ws.Path_("bin")).FullName;
        PaybatchShim(Path.Combine(bin, "paybatch"));
        var psi = new ProcessStartInfo("bash");
        psi.ArgumentList.Add(Path.Combine(Repo.Samples, "ci", "quarter.sh"));
        ws.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"); // the shim first
        return Run(ws, psi);
    }

    [UnixFact("runs the bash job of the CI samples (a Linux job); on Windows the PowerShell job is the scheduled one")]
    [UnsupportedOSPlatform("windows")]
    public void The_daily_job_pays_then_reconciles_until_nothing_is_pending_and_fails_when_a_person_must_act()
    {
        using var ws = new Workspace();
        ThreeCases(ws);
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
