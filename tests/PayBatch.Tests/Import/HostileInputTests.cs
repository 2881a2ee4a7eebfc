using System.Text;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Import;

/// <summary>
/// Files an attacker or a broken export could hand over: each is refused with exit 2, naming the
/// file, the line and the column (or the XML element), and nothing of it is applied.
/// </summary>
public class HostileInputTests
{
    /// <summary>A workspace whose registry already holds case 1; a refused file must leave it alone.</summary>
    private static Workspace WithOneCase()
    {
        var ws = new Workspace();
        ws.RunOk("import", "recipients", ws.Write("first.csv", Cases.Csv([Cases.Row(1)])));
        return ws;
    }

    private static void AssertRefused(Workspace ws, CliRun r, string file, params string[] where)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Error}");
        Assert.Contains(file, r.Error, StringComparison.Ordinal);
        foreach (var w in where) Assert.Contains(w, r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(["C-0001"], db.Cases.Select(c => c.CaseId).ToList());
        Assert.Equal(Cases.Row(1)["district"], db.Cases.Single().District);
    }

    private static List<Dictionary<string, string>> Rows(int n, int changed, Action<Dictionary<string, string>> with) =>
        Enumerable.Range(1, n).Select(i => Cases.Row(i, i == changed ? with : r => r["district"] = "changed")).ToList();

    [Fact]
    public void A_known_column_twice_in_the_header_is_refused()
    {
        using var ws = WithOneCase();
        var rows = Rows(3, 0, _ => { });
        var csv = Cases.Header + ",iban\n" + string.Concat(rows.Select(r => string.Join(',', Cases.Header.Split(',').Select(c => r[c])) + "," + Cases.MakeIban("601", 9) + "\n"));
        AssertRefused(ws, ws.Run("import", "recipients", ws.Write("twice.csv", csv)), "twice.csv", "line 1, column 'iban' (21)", "(19)");
    }

    /// <summary>The file's text in <paramref name="rest"/>, but its line <paramref name="odd"/> (1-based) in <paramref name="oddEncoding"/>.</summary>
    private static byte[] Mixed(string text, Encoding rest, int odd, Encoding oddEncoding) =>
        [.. text.Split('\n').Select((l, i) => (i + 1 == odd ? oddEncoding : rest).GetBytes(l)).Aggregate((a, b) => [.. a, (byte)'\n', .. b])];

    [Fact]
    public void A_UTF8_file_with_one_Windows1251_line_is_refused_at_that_line()
    {
        using var ws = WithOneCase();
        var csv = Cases.Csv(Rows(37, 20, r => r["applicant_name"] = "Смирнова Анна Петровна"));
        var r = ws.Run("import", "recipients", ws.WriteBytes("mixed.csv", Mixed(csv, Encoding.UTF8, 21, Core.Formats.Encodings.Windows1251)));
        AssertRefused(ws, r, "mixed.csv", "line 21", "UTF-8");
        Assert.DoesNotContain("line 22", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Windows1251_file_with_one_UTF8_line_is_refused_at_that_line()
    {
        using var ws = WithOneCase();
        var csv = Cases.Csv(Rows(5, 3, r => r["applicant_name"] = "Смирнова Анна Петровна")).Replace('Қ', 'К').Replace('ү', 'у').Replace('қ', 'к');
        var r = ws.Run("import", "recipients", ws.WriteBytes("mixed.csv", Mixed(csv, Core.Formats.Encodings.Windows1251, 4, Encoding.UTF8)));
        AssertRefused(ws, r, "mixed.csv", "line 4", "UTF-8");
    }

    [Theory]
    [InlineData("applicant_name", "Қасымова\0Гүлнар", "(4)")]
    [InlineData("applicant_name", "Қасымова\u0007", "(4)")]
    [InlineData("child_name", "Ерлан\tҚасымов", "(8)")]
    [InlineData("district", "Есиль\u001b[31m", "(2)")]
    [InlineData("iban", "KZ\u007f1", "(19)")]
    [InlineData("case_id", "C-\u0085", "(1)")]
    [InlineData("case_id", "\uFEFFC-0101", "(1)")] // a byte order mark inside a line: a second case that looks the same
    [InlineData("applicant_name", "Әбдіров Нұрлан \uFFFF", "(4)")] // no XML (pain.001, a workbook) can hold it
    public void NUL_and_other_control_characters_in_a_field_are_refused(string column, string value, string position)
    {
        using var ws = WithOneCase();
        var r = ws.Run("import", "recipients", ws.Write("ctl.csv", Cases.Csv(Rows(3, 2, row => row[column] = value))));
        AssertRefused(ws, r, "ctl.csv", $"line 3, column '{column}' {position}", "control character");
    }

    [Theory]
    [InlineData("applicant_name", 141, "(4)")]
    [InlineData("child_name", 10_000_000, "(8)")]
    [InlineData("case_id", 51, "(1)")]
    [InlineData("district", 101, "(2)")]
    [InlineData("decision_no", 51, "(11)")]
    public void A_field_longer_than_its_limit_is_refused(string column, int length, string position)
    {
        using var ws = WithOneCase();
        var r = ws.Run("import", "recipients", ws.Write("long.csv", Cases.Csv(Rows(3, 2, row => row[column] = new string('Ж', length)))));
        AssertRefused(ws, r, "long.csv", $"line 3, column '{column}' {position}", "longer than");
        Assert.True(r.Error.Length < 2000, "the message does not repeat the field");
    }

    [Fact]
    public void A_name_of_140_characters_fits_pain001_and_is_imported()
    {
        using var ws = new Workspace();
        var name = new string('Ж', 140);
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1, r => r["applicant_name"] = name)])));
        using var db = ws.OpenDb();
        Assert.Equal(name, db.Cases.Single().ApplicantName);
    }

    [Fact]
    public void An_unbalanced_quote_is_reported_at_the_line_where_it_opens()
    {
        using var ws = WithOneCase();
        var rows = Rows(38, 11, r => r["applicant_name"] = "\"Қасымова Гүлнар");
        var r = ws.Run("import", "recipients", ws.Write("quote.csv", Cases.Csv(rows)));
        AssertRefused(ws, r, "quote.csv", "line 12, column 'applicant_name' (4)", "quote");
        Assert.DoesNotContain("line 39", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applicant_name", "=1+1", "(4)")]
    [InlineData("child_name", "@SUM(1+1)", "(8)")]
    [InlineData("case_id", "-2+3+cmd|' /C calc'!A0", "(1)")]
    [InlineData("applicant_iin", "+77012345678", "(3)")]
    [InlineData("iban", "=HYPERLINK(\"\"http://x\"\")", "(19)")]
    [InlineData("decision_no", "@1", "(11)")]
    public void A_name_or_identifier_beginning_with_a_formula_character_is_refused(string column, string value, string position)
    {
        using var ws = WithOneCase();
        var r = ws.Run("import", "recipients", ws.Write("formula.csv", Cases.Csv(Rows(3, 2, row => row[column] = value.Contains(',') || value.Contains('"') ? $"\"{value}\"" : value))));
        AssertRefused(ws, r, "formula.csv", $"line 3, column '{column}' {position}", "formula");
    }

    [Fact]
    public void A_certificate_number_beginning_with_a_formula_character_is_refused()
    {
        using var ws = new Workspace();
        var rows = new[] { Cases.Row(1) };
        var r = ws.Run("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows).Replace("СП-1", "=СП-1", StringComparison.Ordinal)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 2, column 'certificate_no' (3)", r.Error, StringComparison.Ordinal);
    }
}
