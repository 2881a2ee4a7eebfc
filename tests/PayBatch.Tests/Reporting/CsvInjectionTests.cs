using System.Text;
using PayBatch.Core.Batches;
using PayBatch.Core.Eligibility;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reporting;

/// <summary>
/// A cell beginning with =, +, -, @, a tab or a carriage return is a live formula in Excel: every CSV
/// PayBatch writes for people makes it inert with a leading apostrophe; amounts stay as they are.
/// </summary>
public class CsvInjectionTests
{
    private static string[] Cells(string csvLine) => csvLine.Split(',');

    [Fact]
    public void Exclusions_csv_makes_formula_cells_inert()
    {
        var csv = Encoding.UTF8.GetString(BatchDocuments.ExclusionsCsv(
        [
            new Exclusion("=1+1", "-2+3+cmd|' /C calc'!A0", [Reason.InvalidChildIin]),
            new Exclusion("@SUM(1)", "+1", [Reason.NotApproved]),
            new Exclusion("\tC-9", "\rC-10", [Reason.NotApproved]),
            new Exclusion("C-1", "140315501021", [Reason.NotApproved]),
        ]));
        var lines = csv.Split('\n');
        Assert.Equal("'\tC-9,\"'\rC-10\",NOT_APPROVED", lines[1]);
        Assert.Equal("'=1+1,'-2+3+cmd|' /C calc'!A0,INVALID_CHILD_IIN", lines[2]);
        Assert.Equal("'@SUM(1),'+1,NOT_APPROVED", lines[3]);
        Assert.Equal("C-1,140315501021,NOT_APPROVED", lines[4]);
    }

    [Fact]
    public void Reconciliation_and_findings_csv_make_a_forged_reference_and_reason_inert()
    {
        using var ws = new Workspace();
        var rows = new[] { Cases.Row(1), Cases.Row(2) };
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        var bank = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n" +
                                        "=HYPERLINK(1),,28112.50,credited,2026-01-21,\n" +
                                        "2026Q1-01-000002,,28112.50,rejected,,@SUM(1+1)\n");
        Assert.Equal(3, ws.Run("reconcile", bank, "--as-of", "2026-01-21").ExitCode);
        var findings = File.ReadAllLines(ws.Path_("out", "2026Q1", "findings.csv"));
        Assert.Contains(findings, l => Cells(l) is [_, "2", "'=HYPERLINK(1)", "UNKNOWN_REFERENCE", ..]);
        var reconciliation = File.ReadAllLines(ws.Path_("out", "2026Q1", "reconciliation.csv"));
        var rejected = Cells(Assert.Single(reconciliation, l => l.StartsWith("2026Q1-01-000002", StringComparison.Ordinal)));
        Assert.Equal("'@SUM(1+1)", rejected[^1]);
        Assert.Equal("28112.50", rejected[5]);
    }

    [Fact]
    public void Report_csv_makes_a_formula_district_inert_and_leaves_amounts_alone()
    {
        using var ws = new Workspace();
        var rows = new[] { Cases.Row(1, r => r["district"] = "@SUM(1+1)*cmd|' /C calc'!A0") };
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        var report = ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-01-21", "--format", "csv", "--lang", "en").Out;
        var district = Assert.Single(report.Split('\n'), l => l.StartsWith("byDistrict,", StringComparison.Ordinal));
        Assert.Equal("byDistrict,'@SUM(1+1)*cmd|' /C calc'!A0,'@SUM(1+1)*cmd|' /C calc'!A0,1,28112.50,", district);
    }

    [Fact]
    public void Bank_csv_files_carry_the_data_exactly()
    {
        using var ws = new Workspace();
        var rows = new[] { Cases.Row(1, r => r["district"] = "=district") };
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--format", "csv",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        var line = File.ReadAllLines(ws.Path_("out", "2026Q1", "01", "HSBKKZKX.csv"))[1];
        Assert.StartsWith("2026Q1-01-000001," + rows[0]["iban"] + ",HSBKKZKX," + rows[0]["applicant_iin"] + ",", line, StringComparison.Ordinal);
        Assert.DoesNotContain("'", line, StringComparison.Ordinal);
    }
}
