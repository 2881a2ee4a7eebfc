using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Release;

/// <summary>README "Two signatures", step by step: TEST keys from the script, run → sign → sign → verify.</summary>
public partial class ReleaseWalkthroughTests
{
    [GeneratedRegex(@"^export (\w+)='?([^'\s]*)'?", RegexOptions.Multiline)]
    private static partial Regex Export();

    [Fact]
    public void The_sample_two_signature_walkthrough_runs()
    {
        using var ws = new Workspace();
        var release = Path.Combine(Repo.Samples, "release");
        File.Copy(Path.Combine(release, "paybatch.json"), ws.Path_("paybatch.json"));
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = ws.Dir, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "make-test-signers.sh"));
        psi.ArgumentList.Add("keys");
        using (var script = Process.Start(psi)!)
        {
            var output = script.StandardOutput.ReadToEnd();
            script.WaitForExit();
            Assert.True(script.ExitCode == 0, $"make-test-signers.sh failed: {output}");
        }
        ws.Clock.SetUtcNow(TimeProvider.System.GetUtcNow()); // the script's TEST certificates are valid from the moment it made them
        foreach (Match m in Export().Matches(File.ReadAllText(Path.Combine(release, "test-signers.env"))))
            ws.Environment[m.Groups[1].Value] = m.Groups[2].Value;
        string S(string f) => Path.Combine(Repo.Samples, f);

        var run = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", S("recipients.csv"), "--certificates", S("certificates.csv"));
        Assert.Contains("Next: paybatch sign --batch 2026Q1-01", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, ws.Run("verify", "--batch", "2026Q1-01").ExitCode); // not signed yet
        ws.RunOk("sign", "--batch", "2026Q1-01", "--certificate", "keys/first.p12", "--password-env", "FIRST_SIGNER_PASSWORD");
        var second = ws.RunOk("sign", "--batch", "2026Q1-01", "--certificate", "keys/second.p12", "--password-env", "SECOND_SIGNER_PASSWORD");
        Assert.Contains("Batch released", second.Out, StringComparison.Ordinal);
        ws.RunOk("verify", "--batch", "2026Q1-01");

        var json = JsonDocument.Parse(File.ReadAllText(ws.Path_("out", "2026Q1", "01", "release.json"))).RootElement;
        Assert.Equal("released", json.GetProperty("state").GetString());
        Assert.Equal(["ТЕСТОВ ТЕСТ TEST", "ТЕСТОВА БУХГАЛТЕР TEST"], json.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        // The bank files are the sample quarter's, as the README's first command writes them.
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Samples, "expected", "2026Q1", "01")).Where(f => !f.EndsWith("release.json", StringComparison.Ordinal)))
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(ws.Path_("out", "2026Q1", "01", Path.GetFileName(f))));
    }
}
