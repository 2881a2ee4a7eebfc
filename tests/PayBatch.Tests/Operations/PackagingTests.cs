using System.Diagnostics;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

public class PackagingTests
{
    private static (int Code, string Out) Dotnet(string workingDirectory, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var psi = new ProcessStartInfo(dotnet) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Run(psi);
    }

    private static (int Code, string Out) Run(ProcessStartInfo psi)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(300_000), $"{psi.FileName} {string.Join(' ', psi.ArgumentList)} did not finish");
        return (p.ExitCode, stdout + stderr.Result);
    }

    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_runs_version()
    {
        var temp = Directory.CreateTempSubdirectory("paybatch-pack").FullName;
        try
        {
            // Release, beside the Debug build the tests run from; restored already by the test build.
            var pack = Dotnet(Repo.Root, "pack", "src/PayBatch.Cli", "-c", "Release", "--no-restore", "-o", Path.Combine(temp, "nupkg"), "--nologo", "-v", "q");
            Assert.True(pack.Code == 0, pack.Out);
            var nupkg = Assert.Single(Directory.GetFiles(Path.Combine(temp, "nupkg"), "PayBatch.*.nupkg"));
            var version = Path.GetFileNameWithoutExtension(nupkg)["PayBatch.".Length..];
            var install = Dotnet(temp, "tool", "install", "PayBatch", "--tool-path", Path.Combine(temp, "tools"),
                "--add-source", Path.Combine(temp, "nupkg"), "--version", version);
            Assert.True(install.Code == 0, install.Out);
            var run = Run(new ProcessStartInfo(Path.Combine(temp, "tools", "paybatch"), "--version"));
            Assert.Equal(0, run.Code);
            Assert.StartsWith(version, run.Out.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
