using System.Diagnostics;

namespace PayBatch.Tests.Support;

/// <summary>Runs the real paybatch executable in a separate process, in a workspace.</summary>
public static class PaybatchProcess
{
    public static Process Start(Workspace ws, params string[] args)
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

    public static CliRun Finish(Process p)
    {
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(180_000), "paybatch did not finish");
        return new CliRun(p.ExitCode, output, err.Result);
    }

    public static CliRun Run(Workspace ws, params string[] args) => Finish(Start(ws, args));

    /// <summary>Runs paybatch to its end; one still running after <paramref name="limit"/> is killed and fails the test.</summary>
    public static CliRun RunWithin(Workspace ws, TimeSpan limit, params string[] args)
    {
        using var p = Start(ws, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"paybatch {string.Join(' ', args)} was still running after {limit.TotalSeconds} s");
        }
        p.WaitForExit();
        return new CliRun(p.ExitCode, output.Result, error.Result);
    }
}
