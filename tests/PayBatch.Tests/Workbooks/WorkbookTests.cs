using PayBatch.Core.Workbooks;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Workbooks;

public class WorkbookTests
{
    private static IReadOnlyList<ReadSheet> QuarterWorkbook(Workspace ws, string file, string lang)
    {
        ws.RunOk("report", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--format", "xlsx", "--file", file, "--lang", lang);
        return WorkbookReader.Read(ws.Path_(file));
    }

    /// <summary>Every sheet: header row frozen, bold and under an autofilter spanning every row written, columns wide enough for their header.</summary>
    internal static void AssertLayout(IReadOnlyList<ReadSheet> sheets)
    {
        foreach (var s in sheets)
        {
            Assert.Equal("A2", s.FrozenTopLeft);
            var header = s.Cells.Where(c => c.Reference.EndsWith('1') && c.Reference.TrimStart((char[])[.. "ABCDEFGHIJKLM"]) == "1").ToList();
            Assert.All(header, c => Assert.True(c.Type == "text" && c.Bold, $"{s.Name}!{c.Reference}: header cell"));
            var lastRow = s.Cells.Max(c => int.Parse(c.Reference.TrimStart((char[])[.. "ABCDEFGHIJKLM"]), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal($"A1:{Workbook.ColumnName(header.Count)}{Math.Max(2, lastRow)}", s.AutoFilter);
            Assert.Equal(header.Count, s.Widths.Count);
            Assert.All(header.Zip(s.Widths), h => Assert.True(h.Second >= h.First.Value.Length, $"{s.Name}: column '{h.First.Value}' is {h.Second} wide"));
        }
    }

    [Fact]
    public void The_quarter_workbook_matches_its_golden_dump_in_Russian_and_English()
    {
        using var ws = SampleQuarter.Create();
        var dir = ws.Path_("dumps");
        Directory.CreateDirectory(dir);
        foreach (var lang in new[] { "ru", "en" })
        {
            var sheets = QuarterWorkbook(ws, $"quarter.{lang}.xlsx", lang);
            AssertLayout(sheets);
            Assert.Equal(lang == "en" ? ["Summary", "Payments", "Not paid", "By district", "By bank", "Indicators"]
                : ["Итоги", "Платежи", "Не назначено", "По районам", "По банкам", "Показатели"], sheets.Select(s => s.Name));
            File.WriteAllText(Path.Combine(dir, $"quarter.{lang}.txt"), WorkbookReader.Dump(sheets));
        }
        Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", "workbooks", "quarter"), dir);
    }

    [Fact]
    public void The_summary_states_the_report_s_due_date_and_from_then_on_that_it_is_late()
    {
        using var ws = SampleQuarter.Create();
        var due = QuarterWorkbook(ws, "due.xlsx", "en")[0];
        Assert.Equal(("Report due", "46122"), (due["A4"].Value, due["B4"].Value)); // 2026-04-10
        ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-04-13", "--format", "xlsx", "--file", "late.xlsx", "--lang", "kk");
        var late = WorkbookReader.Read(ws.Path_("late.xlsx"))[0];
        Assert.Equal(("Есеп мерзімі өтті", "46122"), (late["A4"].Value, late["B4"].Value));
    }

    [Fact]
    public void The_indicators_sheet_has_the_twelve_rows_of_Appendix_2_with_numbers_as_numbers()
    {
        using var ws = SampleQuarter.Create();
        var sheets = QuarterWorkbook(ws, "q.xlsx", "en");
        var indicators = sheets[5];
        Assert.Equal(["№", "Indicator", "Normative value", "Target value", "Current value"], indicators.Cells.Where(c => c.Reference.EndsWith('1') && c.Reference.Length == 2).Select(c => c.Value));
        Assert.Equal(Core.Reporting.Indicators.Appendix2.Select(d => d.Id), indicators.Column("A").Skip(1).Select(c => c.Value));
        Assert.All(indicators.Column("A").Skip(1), c => Assert.Equal("text", c.Type));
        Assert.All(indicators.Column("C").Skip(1).Concat(indicators.Column("D").Skip(1)), c => Assert.Equal(("number", "0.0##"), (c.Type, c.Format)));
        Assert.Equal(Core.Reporting.Indicators.Appendix2.Select(d => d.Normative), indicators.Column("C").Skip(1).Select(c => decimal.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)));
        // 1.1 is measured (the summary's indicator), 4.1 entered as 0.02 in the sample settings, 1.2 not measured.
        var summaryIndicator = sheets[0].Cells.Single(c => c.Reference.StartsWith('D') && c.Type == "number" && sheets[0][$"A{c.Reference[1..]}"].Value.StartsWith("Indicator 1.1", StringComparison.Ordinal));
        Assert.Equal(("number", summaryIndicator.Value), (indicators["E2"].Type, indicators["E2"].Value));
        Assert.Equal(("number", "0.02", "0.0##"), (indicators["E9"].Type, indicators["E9"].Value, indicators["E9"].Format));
        Assert.Equal(("text", "not measured"), (indicators["E3"].Type, indicators["E3"].Value));
    }

    [Fact]
    public void The_payments_sheet_carries_reconciliation_csv_row_for_row_with_typed_cells()
    {
        using var ws = SampleQuarter.Create();
        var payments = QuarterWorkbook(ws, "q.xlsx", "en")[1];
        var csv = File.ReadAllLines(Path.Combine(ws.OutDir, "2026Q1", "reconciliation.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("Payments", payments.Name);
        Assert.Equal(csv.Count, payments.Column("A").Count() - 1);
        for (var i = 0; i < csv.Count; i++)
        {
            var row = i + 2;
            Assert.Equal(new ReadCell($"A{row}", "text", csv[i][0], "builtin 0", false), payments[$"A{row}"]);
            Assert.Equal(("text", csv[i][2]), (payments[$"C{row}"].Type, payments[$"C{row}"].Value));
            Assert.Equal(("number", "#,##0.00"), (payments[$"F{row}"].Type, payments[$"F{row}"].Format));
            Assert.Equal(decimal.Parse(csv[i][5], System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(payments[$"F{row}"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(("number", "yyyy-mm-dd"), (payments[$"G{row}"].Type, payments[$"G{row}"].Format));
        }
    }

    [Fact]
    public void Formula_like_text_and_an_IIN_with_a_leading_zero_stay_text()
    {
        // Import refuses names and identifiers that begin like a formula; districts may, and a child born in 2008 has an IIN starting with 0.
        using var ws = new Workspace();
        File.Copy(Path.Combine(Repo.Samples, "paybatch.json"), ws.Path_("paybatch.json"));
        var born = new DateOnly(2008, 6, 1);
        Dictionary<string, string> Born2008(int n, string district) => Cases.Row(n, r =>
        {
            r["district"] = district;
            r["child_birth_date"] = "2008-06-01";
            r["child_iin"] = Cases.MakeIin(born, serial: n);
        });
        var paid = Born2008(1, "=1+2");
        var other = Born2008(2, "@Есиль");
        var unpaid = Born2008(3, "+Алматы");
        var recipients = ws.Write("recipients.csv", Cases.Csv([paid, other, unpaid]));
        var certificates = ws.Write("certificates.csv", Cases.Certificates([paid, other]).Replace(",Школа", ",=Школа", StringComparison.Ordinal));
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", recipients, "--certificates", certificates);

        var sheets = QuarterWorkbook(ws, "q.xlsx", "ru");
        Assert.StartsWith("0", paid["child_iin"], StringComparison.Ordinal);
        Assert.Equal(("text", paid["child_iin"]), (sheets[1]["C2"].Type, sheets[1]["C2"].Value));
        Assert.Equal(("text", unpaid["child_iin"]), (sheets[2]["B2"].Type, sheets[2]["B2"].Value));
        Assert.Equal([("text", "=1+2"), ("text", "@Есиль")], sheets[3].Column("A").Skip(1).Select(c => (c.Type, c.Value)));
        if (!OperatingSystem.IsWindows()) // it holds personal data: readable by its owner only
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.Path_("q.xlsx")));

        ws.RunOk("report", "--year", "2026", "--as-of", "2026-02-20", "--format", "xlsx", "--file", "y.xlsx", "--lang", "ru");
        var year = WorkbookReader.Read(ws.Path_("y.xlsx"));
        Assert.Equal("Платежи 2026Q1", year[2].Name);
        Assert.Equal(("text", paid["child_iin"]), (year[2]["C2"].Type, year[2]["C2"].Value));

        // Nobody has a certificate for Q2: all three are missing, by district in ordinal order, the school as written.
        ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--format", "xlsx", "--file", "m.xlsx", "--lang", "ru");
        var missing = WorkbookReader.Read(ws.Path_("m.xlsx")).Single();
        Assert.Equal([("text", "+Алматы"), ("text", "=1+2"), ("text", "@Есиль")], missing.Column("B").Skip(1).Select(c => (c.Type, c.Value)));
        Assert.Equal([("text", "=Школа № 1"), ("text", "=Школа № 1")], missing.Column("F").Skip(1).Select(c => (c.Type, c.Value)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.Path_("m.xlsx")));
    }

    [Fact]
    public async Task A_table_beyond_the_row_limit_goes_on_in_a_second_sheet_of_the_same_layout()
    {
        var dir = Directory.CreateTempSubdirectory("paybatch-workbook").FullName;
        try
        {
            var path = Path.Combine(dir, "t.xlsx");
            Column[] columns = [new("Reference", CellKind.Text, 18), new("Amount", CellKind.Money, 12)];
            await Workbook.WriteAsync(path, dayFirst: false, wb => wb.TableAsync("Payments", columns, 5, Enumerable.Range(1, 5),
                (n, row) => { row[0] = wb.Text($"R{n}"); row[1] = wb.Money(new Core.Domain.Tenge(n * 100)); }), CancellationToken.None, maxDataRows: 2);

            var sheets = WorkbookReader.Read(path);
            Assert.Equal(["Payments", "Payments (2)", "Payments (3)"], sheets.Select(s => s.Name));
            AssertLayout(sheets);
            Assert.All(sheets, s => Assert.Equal(("Reference", "Amount"), (s["A1"].Value, s["B1"].Value)));
            Assert.Equal(["R1", "R2", "R3", "R4", "R5"], sheets.SelectMany(s => s.Column("A").Skip(1)).Select(c => c.Value));
            Assert.Equal("A1:B2", sheets[2].AutoFilter);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The rows are read on a thread of their own while the workbook is written: many rows come out whole and in order, and
    /// a failure while reading or writing them, or a cancel, is the table's failure, with no workbook left behind.
    /// </summary>
    [Fact]
    public async Task A_table_read_on_another_thread_keeps_its_order_and_a_failed_read_or_write_or_a_cancel_leaves_no_workbook()
    {
        var dir = Directory.CreateTempSubdirectory("paybatch-workbook").FullName;
        try
        {
            Column[] columns = [new("Reference", CellKind.Text, 18)];
            var path = Path.Combine(dir, "t.xlsx");
            await Workbook.WriteAsync(path, dayFirst: false, wb => wb.TableAsync("Payments", columns, 1000, Enumerable.Range(1, 1000),
                (n, row) => row[0] = wb.Text($"R{n}")), CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 1000).Select(n => $"R{n}"), WorkbookReader.Read(path).Single().Column("A").Skip(1).Select(c => c.Value));

            var failing = Path.Combine(dir, "f.xlsx");
            IEnumerable<int> Rows()
            {
                for (var n = 1; n <= 1000; n++) yield return n < 500 ? n : throw new InvalidOperationException("the database went away");
            }
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Workbook.WriteAsync(failing, dayFirst: false,
                wb => wb.TableAsync("Payments", columns, 1000, Rows(), (n, row) => row[0] = wb.Text($"R{n}")), CancellationToken.None));
            Assert.Equal("the database went away", e.Message);

            // A row that cannot be written, and a cancel while the rows are read: the same.
            var unwritable = await Assert.ThrowsAsync<InvalidOperationException>(() => Workbook.WriteAsync(failing, dayFirst: false,
                wb => wb.TableAsync("Payments", columns, 1000, Enumerable.Range(1, 1000),
                    (n, row) => row[0] = n < 700 ? wb.Text($"R{n}") : throw new InvalidOperationException("no such cell")), CancellationToken.None));
            Assert.Equal("no such cell", unwritable.Message);
            using var cancel = new CancellationTokenSource();
            IEnumerable<int> CancelledMidway()
            {
                for (var n = 1; n <= 1000; n++)
                {
                    if (n == 300) cancel.Cancel();
                    yield return n;
                }
            }
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Workbook.WriteAsync(failing, dayFirst: false,
                wb => wb.TableAsync("Payments", columns, 1000, CancelledMidway(), (n, row) => row[0] = wb.Text($"R{n}")), cancel.Token));
            Assert.Equal(["t.xlsx"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("report --quarter 2026Q1", null, "--file")]
    [InlineData("report --quarter 2026Q1", "missing/q.xlsx", "does not exist")]
    [InlineData("report --quarter 2026Q1", "folder", "is a folder")]
    [InlineData("report --quarter 2026Q1", "/proc/q.xlsx", "cannot write")]
    [InlineData("report --year 2026", null, "--file")]
    [InlineData("report --year 2026", "missing/y.xlsx", "does not exist")]
    [InlineData("report --year 2026", "folder", "is a folder")]
    [InlineData("report --year 2026", "/proc/y.xlsx", "cannot write")]
    [InlineData("certificates missing --quarter 2026Q1", null, "--file")]
    [InlineData("certificates missing --quarter 2026Q1", "missing/m.xlsx", "does not exist")]
    [InlineData("certificates missing --quarter 2026Q1", "folder", "is a folder")]
    [InlineData("certificates missing --quarter 2026Q1", "/proc/m.xlsx", "cannot write")]
    public void A_workbook_without_a_writable_file_is_refused_and_nothing_is_written(string command, string? file, string message)
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.Path_("folder"));
        List<string> Entries() => Directory.GetFileSystemEntries(ws.Dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("logs", StringComparison.Ordinal)).Order().ToList();
        var before = Entries();
        string[] args = [.. command.Split(' '), "--format", "xlsx", .. file is null ? Array.Empty<string>() : ["--file", file]];
        var r = ws.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries()); // no workbook, no temporary file, not even a database
    }
}
