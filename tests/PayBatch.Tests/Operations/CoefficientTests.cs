using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

/// <summary>The coefficient is the setting Payment:Coefficient wherever it is shown, not a written-in 6.5.</summary>
public class CoefficientTests
{
    [Fact]
    public void The_run_line_and_the_report_subtitles_follow_the_setting()
    {
        using var ws = new Workspace();
        ws.Environment["PAYBATCH_PAYMENT__COEFFICIENT"] = "7.5";
        var rows = Enumerable.Range(1, 2).Select(i => Cases.Row(i)).ToList();
        var run = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        Assert.Contains("2 payment(s) × 32437.50 KZT (7.5 × MRP 4325) = 64875.00 KZT", run.Out, StringComparison.Ordinal);

        string Report(string lang, string format = "md") =>
            ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-01-21", "--lang", lang, "--format", format).Out;
        Assert.Contains("обучающимся на дому, 7,5 МРП в квартал", Report("ru"), StringComparison.Ordinal);
        Assert.Contains("тоқсанына 7,5 АЕК", Report("kk"), StringComparison.Ordinal);
        Assert.Contains("educated at home, 7.5 MRP per quarter", Report("en"), StringComparison.Ordinal);
        Assert.Contains("educated at home, 7.5 MRP per quarter", Report("en", "html"), StringComparison.Ordinal);
        Assert.DoesNotContain("6.5", Report("en"), StringComparison.Ordinal);
    }
}
