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
        using var ws = SampleQuarter.Create(reconcile: false);

        Golden.MatchFolder(Path.Combine(Repo.Samples, "expected"), ws.OutDir);
    }
}
