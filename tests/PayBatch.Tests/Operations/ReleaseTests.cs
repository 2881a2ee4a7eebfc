using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

/// <summary>
/// scripts/release.sh for real: the Linux package runs the README's sample quarter with no .NET on
/// its PATH, and the Windows package's paybatch.exe is a 64-bit Windows executable.
/// </summary>
public class ReleaseTests
{
    private static (int Code, string Out, string Error) Run(string file, string dir, IDictionary<string, string?>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(1_500_000), $"{file} {string.Join(' ', args)} did not finish");
        return (p.ExitCode, output, err.Result);
    }

    private static readonly string[] PackageFiles =
    [
        "README.md", "SHA256SUMS", "paybatch.json", "samples/README.md", "samples/bank-confirmations.csv", "samples/certificates-late.csv",
        "samples/certificates.csv", "samples/recipients.csv", "schedule/paybatch-daily.ps1", "schedule/paybatch-quarter.xml",
    ];

    [Fact]
    public void The_packages_run_the_README_sample_quarter_without_dotnet_and_the_Windows_exe_is_64_bit()
    {
        if (OperatingSystem.IsWindows()) return; // the release is built on the Linux CI machine
        var release = Run("bash", Repo.Root, null, Path.Combine(Repo.Root, "scripts", "release.sh"), "linux-x64", "win-x64");
        Assert.True(release.Code == 0, release.Error + release.Out);
        var version = release.Out.Trim().Split('\n')[^1];
        var dist = Path.Combine(Repo.Root, "dist");
        var temp = Directory.CreateTempSubdirectory("paybatch-release").FullName;
        try
        {
            // Linux: unpack, check every file against SHA256SUMS, then the README's sample quarter with only the package on PATH.
            Assert.Equal(0, Run("tar", temp, null, "-xzf", Path.Combine(dist, $"paybatch-{version}-linux-x64.tar.gz")).Code);
            var pkg = Path.Combine(temp, $"paybatch-{version}-linux-x64");
            AssertSums(pkg, [.. PackageFiles, "paybatch"], f => File.ReadAllBytes(Path.Combine(pkg, f)));
            var env = new Dictionary<string, string?>
            {
                ["PATH"] = pkg, ["DOTNET_ROOT"] = null, ["DOTNET_HOST_PATH"] = null, ["CI"] = "true",
                ["HOME"] = temp, // where the single file unpacks its native libraries (e_sqlite3)
            };
            Assert.Equal(version, Run(Path.Combine(pkg, "paybatch"), pkg, env, "--version").Out.Trim());
            Assert.Equal(0, Run(Path.Combine(pkg, "paybatch"), pkg, env, "config", "show").Code); // the commented paybatch.json reads

            var samples = Path.Combine(pkg, "samples");
            var steps = ReadmeSampleQuarter(File.ReadAllText(Path.Combine(pkg, "README.md")));
            Assert.Equal([0, 0, 0, 3, 0], steps.Select(args => Run(Path.Combine(pkg, "paybatch"), samples, env, args).Code));
            foreach (var batch in new[] { "01", "02" })
                Golden.MatchFolder(Path.Combine(Repo.Samples, "expected", "2026Q1", batch), Path.Combine(samples, "out", "2026Q1", batch));
            Assert.Equal(5, WorkbookReader.Read(Path.Combine(samples, "report-2026Q1.xlsx")).Count);

            // Windows: the same files beside paybatch.exe, a PE32+ executable for x64.
            using var zip = ZipFile.OpenRead(Path.Combine(dist, $"paybatch-{version}-win-x64.zip"));
            var prefix = $"paybatch-{version}-win-x64/";
            byte[] Entry(string f)
            {
                using var s = zip.GetEntry(prefix + f)!.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                return ms.ToArray();
            }
            Assert.Equal(((string[])[.. PackageFiles, "paybatch.exe"]).Order(StringComparer.Ordinal),
                zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName[prefix.Length..]).Order(StringComparer.Ordinal));
            AssertSums(prefix, [.. PackageFiles, "paybatch.exe"], Entry);
            AssertWindowsX64(Entry("paybatch.exe"));
            Assert.Contains($"paybatch-{version}-win-x64.zip", File.ReadAllText(Path.Combine(dist, "SHA256SUMS")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The fenced block under "Try it on the samples": each <c>..\paybatch.exe</c> line, as arguments.</summary>
    private static List<string[]> ReadmeSampleQuarter(string readme)
    {
        var section = readme[readme.IndexOf("## Try it on the samples", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```powershell", StringComparison.Ordinal) + 13)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var steps = block.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(@"..\paybatch.exe ", StringComparison.Ordinal))
            .Select(l => l[@"..\paybatch.exe ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(5, steps.Count);
        return steps;
    }

    /// <summary>SHA256SUMS lists exactly the package's other files, each with its hash.</summary>
    private static void AssertSums(string where, string[] files, Func<string, byte[]> read)
    {
        var sums = System.Text.Encoding.UTF8.GetString(read("SHA256SUMS")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        Assert.Equal(files.Where(f => f != "SHA256SUMS").Order(StringComparer.Ordinal), sums.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, hash) in sums)
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(read(file))) == hash, $"{where}: {file} does not match SHA256SUMS");
    }

    /// <summary>MZ, then at e_lfanew "PE\0\0", machine 0x8664 (x64) and the optional header's magic 0x20B (PE32+).</summary>
    private static void AssertWindowsX64(byte[] exe)
    {
        Assert.Equal("MZ"u8.ToArray(), exe[..2]);
        var pe = BitConverter.ToInt32(exe, 0x3C);
        Assert.Equal("PE\0\0"u8.ToArray(), exe[pe..(pe + 4)]);
        Assert.Equal(0x8664, BitConverter.ToUInt16(exe, pe + 4));
        Assert.Equal(0x20B, BitConverter.ToUInt16(exe, pe + 24));
    }
}
