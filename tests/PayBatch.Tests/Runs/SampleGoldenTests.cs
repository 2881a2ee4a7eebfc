using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// The samples a newcomer runs, checked against the expected output in samples/expected: the
/// quarter's first batch, then a supplementary batch after a late school certificate.
/// </summary>
public class SampleGoldenTests
{
    [Fact]
    public void The_sample_quarter_matches_its_golden_files()
    {
        using var ws = new Workspace();
        File.Copy(Path.Combine(Repo.Samples, "paybatch.json"), ws.Path_("paybatch.json"));
        string S(string f) => Path.Combine(Repo.Samples, f);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", S("recipients.csv"), "--certificates", S("certificates.csv"));
        ws.RunOk("import", "certificates", S("certificates-late.csv"));
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-02-16");

        Golden.MatchFolder(Path.Combine(Repo.Samples, "expected"), ws.OutDir);
    }
}
