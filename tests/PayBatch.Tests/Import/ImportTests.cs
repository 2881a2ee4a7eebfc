using System.Text;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Import;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Import;

public class ImportTests
{

    [Theory]
    [ClassData(typeof(Providers))]
    public void Semicolons_Windows1251_and_dotted_dates_are_read(string provider)
    {
        using var ws = new Workspace(provider);
        var rows = new[] { Cases.Row(1, r => { r["applicant_name"] = "Смирнов Алексей"; r["child_birth_date"] = "01.03.2014"; r["child_iin"] = Cases.MakeIin(new DateOnly(2014, 3, 1)); r["iban"] = "kz" + r["iban"][2..6] + " " + r["iban"][6..]; }) };
        var path = ws.WriteBytes("registry-1251.csv", Core.Formats.Encodings.Windows1251.GetBytes(Cases.Csv(rows, ';').Replace("2025-08-04", "04.08.2025")));
        ws.RunOk("import", "recipients", path);
        using var db = ws.OpenDb();
        var c = db.Cases.Single();
        Assert.Equal("Смирнов Алексей", c.ApplicantName);
        Assert.Equal(new DateOnly(2014, 3, 1), c.ChildBirthDate);
        Assert.Equal(new DateOnly(2025, 8, 4), c.DecisionDate);
        Assert.Equal(20, c.Iban.Length);
        Assert.StartsWith("KZ", c.Iban, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Russian_text_in_Windows1251_is_decoded_exactly(string provider)
    {
        using var ws = new Workspace(provider);
        var rows = new[] { Cases.Row(1, r => r["applicant_name"] = "Иванова Мария Петровна") };
        var path = ws.WriteBytes("registry-1251.csv", Core.Formats.Encodings.Windows1251.GetBytes(Cases.Csv(rows, ';')));
        ws.RunOk("import", "recipients", path);
        using var db = ws.OpenDb();
        Assert.Equal("Иванова Мария Петровна", db.Cases.Single().ApplicantName);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void UTF8_with_BOM_columns_in_any_order_and_unknown_columns_are_read(string provider)
    {
        using var ws = new Workspace(provider);
        var row = Cases.Row(1);
        var columns = Cases.Header.Split(',').Reverse().Append("comment").ToArray();
        var csv = string.Join(',', columns) + "\n" + string.Join(',', columns.Select(c => c == "comment" ? "anything" : row[c])) + "\n";
        var path = ws.Write("registry.csv", csv, new UTF8Encoding(true));
        ws.RunOk("import", "recipients", path);
        using var db = ws.OpenDb();
        Assert.Equal("Қасымова Гүлнар Болатқызы1", db.Cases.Single().ApplicantName);
    }

    [Theory]
    [InlineData("decision_date", "2025-13-01", "line 3, column 'decision_date' (12)")]
    [InlineData("status", "approvd", "line 3, column 'status' (20)")]
    [InlineData("applicant_role", "uncle", "line 3, column 'applicant_role' (5)")]
    [InlineData("case_id", "", "line 3, column 'case_id' (1)")]
    [InlineData("child_birth_date", "31.02.2014", "line 3, column 'child_birth_date' (9)")]
    public void A_bad_row_names_file_line_and_column_exits_2_and_applies_nothing(string column, string value, string where)
    {
        const string provider = "sqlite";
        using var ws = new Workspace(provider);
        ws.RunOk("import", "recipients", ws.Write("first.csv", Cases.Csv([Cases.Row(1)])));
        var rows = new[] { Cases.Row(1, r => r["district"] = "changed"), Cases.Row(2, r => r[column] = value), Cases.Row(3) };
        var r = ws.Run("import", "recipients", ws.Write("bad.csv", Cases.Csv(rows)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.csv", r.Error, StringComparison.Ordinal);
        Assert.Contains(where, r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Cases.Count());
        Assert.NotEqual("changed", db.Cases.Single().District);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Problems_after_thousands_of_stored_rows_apply_nothing_and_are_reported_together(string provider)
    {
        // The file is read on its own thread and its rows stored 64 at a time as they come, the reader at most a few
        // chunks ahead: here well over a thousand rows (one of them a change) are stored before the reader is done, and
        // rolled back with the rest.
        using var ws = new Workspace(provider);
        ws.RunOk("import", "recipients", ws.Write("first.csv", Cases.Csv([Cases.Row(1)])));
        var rows = Enumerable.Range(1, 3000).Select(n => Cases.Row(n, r =>
        {
            if (n == 1) r["district"] = "changed";
            if (n is 1500 or 2999) r["status"] = "approvd";
        }));
        var r = ws.Run("import", "recipients", ws.Write("bad.csv", Cases.Csv(rows)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 1501, column 'status' (20)", r.Error, StringComparison.Ordinal);
        Assert.Contains("line 3000, column 'status' (20)", r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(1, db.Cases.Count());
        Assert.NotEqual("changed", db.Cases.Single().District);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_cancelled_import_applies_nothing_and_the_same_file_imports_whole_afterwards(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        var path = ws.Write("big.csv", Cases.Csv(Enumerable.Range(1, 25_000).Select(n => Cases.Row(n))));
        using var cancel = new CancellationTokenSource();
        var reported = new List<long>();
        // Cancelled at the first report of progress (past 10,000 rows stored, counted in chunks of 64), while the
        // reader is still reading.
        var progress = new SyncProgress(p =>
        {
            reported.Add(p.Count);
            cancel.Cancel();
        });
        using (var db = ws.OpenDb())
        {
            var importer = new Core.Import.Importer(db, TimeProvider.System, Serilog.Core.Logger.None);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.ImportRecipientsAsync(path, progress, cancel.Token));
        }
        Assert.InRange(Assert.Single(reported), 10_000, 10_100);
        using (var db = ws.OpenDb()) Assert.Equal(0, db.Cases.Count());
        var again = ws.RunOk("import", "recipients", path, "--json");
        Assert.Contains("\"rows\": 25000", again.Out, StringComparison.Ordinal);
        using (var db = ws.OpenDb()) Assert.Equal(25_000, db.Cases.Count());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Empty_texts_are_stored_empty_not_null(string provider)
    {
        // SQLite binds text as UTF-8 bytes: an empty field is zero bytes, which must still be text.
        using var ws = new Workspace(provider);
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1, r => { r["district"] = ""; r["disability_cert_no"] = ""; })])));
        using var db = ws.OpenDb();
        var c = db.Cases.AsNoTracking().Single();
        Assert.Equal(("", ""), (c.District, c.DisabilityCertNo));
        Assert.Null(c.GuardianshipRef);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the pool, after the cancel would matter).</summary>
    private sealed class SyncProgress(Action<Core.ProgressInfo> report) : IProgress<Core.ProgressInfo>
    {
        public void Report(Core.ProgressInfo value) => report(value);
    }

    [Fact]
    public void A_row_cut_short_names_the_columns_it_lacks_and_applies_nothing()
    {
        using var ws = new Workspace();
        var csv = Cases.Csv([Cases.Row(1), Cases.Row(2), Cases.Row(3)]).Split('\n');
        csv[2] = string.Join(',', csv[2].Split(',')[..17]); // the second case ends after study_end_date: no bank_bic, iban, status
        var r = ws.Run("import", "recipients", ws.Write("short.csv", string.Join('\n', csv)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("short.csv", r.Error, StringComparison.Ordinal);
        Assert.Contains("line 3, column 'status' (20)", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2,", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4,", r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Cases.Count());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_missing_column_is_refused_with_its_name(string provider)
    {
        using var ws = new Workspace(provider);
        var csv = Cases.Csv([Cases.Row(1)]).Replace(",iban,", ",account,", StringComparison.Ordinal);
        var r = ws.Run("import", "recipients", ws.Write("noiban.csv", csv));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 1, column 'iban'", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Wrong_check_digits_and_unknown_banks_are_imported_as_data(string provider)
    {
        using var ws = new Workspace(provider);
        var rows = new[] { Cases.Row(1, r => { r["applicant_iin"] = "123"; r["iban"] = "KZ00"; r["bank_bic"] = "NOPEKZKA"; }) };
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        using var db = ws.OpenDb();
        Assert.Equal("123", db.Cases.Single().ApplicantIin);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Reimport_upserts_by_case_id_and_keeps_the_history_of_bank_details(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("import", "recipients", ws.Write("r1.csv", Cases.Csv([Cases.Row(1), Cases.Row(2)])));
        var newIban = Cases.MakeIban("722", 77);
        ws.RunOk("import", "recipients", ws.Write("r2.csv", Cases.Csv([Cases.Row(1, r => { r["iban"] = newIban; r["bank_bic"] = "CASPKZKA"; }), Cases.Row(2)])));
        using var db = ws.OpenDb();
        Assert.Equal(2, db.Cases.Count());
        Assert.Equal(newIban, db.Cases.Single(c => c.CaseId == "C-0001").Iban);
        var change = db.BankDetailChanges.Single();
        Assert.Equal(("C-0001", "HSBKKZKX", "CASPKZKA", newIban), (change.CaseId, change.OldBankBic, change.NewBankBic, change.NewIban));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_reimport_rewrites_only_the_cases_and_certificates_that_changed(string provider)
    {
        using var ws = new Workspace(provider);
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        var certificates = ws.Write("c.csv", Cases.Certificates(rows));
        ws.RunOk("import", "recipients", ws.Write("r1.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", certificates);
        // Which rows a statement rewrote: PostgreSQL gives each row version its own xmin; SQLite is told by a trigger.
        using var db = ws.OpenDb();
        var sqlite = ws.Provider == Core.Persistence.DbProvider.Sqlite;
        if (sqlite)
            db.Database.ExecuteSqlRaw("CREATE TABLE touched (what TEXT); " +
                "CREATE TRIGGER touch_cases AFTER UPDATE ON cases BEGIN INSERT INTO touched VALUES (new.case_id); END; " +
                "CREATE TRIGGER touch_certificates AFTER UPDATE ON certificates BEGIN INSERT INTO touched VALUES (new.certificate_no); END;");
        List<string> Versions() => sqlite
            ? db.Database.SqlQueryRaw<string>("SELECT what AS \"Value\" FROM touched ORDER BY what").ToList()
            : db.Database.SqlQueryRaw<string>("SELECT case_id || ':' || xmin::text AS \"Value\" FROM cases UNION ALL " +
                                              "SELECT certificate_no || ':' || xmin::text FROM certificates ORDER BY 1").ToList();
        var before = Versions();

        ws.RunOk("import", "recipients", ws.Write("r2.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", certificates);
        Assert.Equal(before, Versions()); // the same registry and certificates again: nothing rewritten

        rows[1]["applicant_name"] = "Жаңа Есім";
        ws.RunOk("import", "recipients", ws.Write("r3.csv", Cases.Csv(rows)));
        var changed = Versions().Except(before).ToList();
        Assert.StartsWith("C-0002", Assert.Single(changed), StringComparison.Ordinal);
        Assert.Equal("Жаңа Есім", db.Cases.AsNoTracking().Single(c => c.CaseId == "C-0002").ApplicantName);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void The_same_case_twice_in_one_file_is_applied_in_file_order_so_the_last_row_wins(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("import", "recipients", ws.Write("r1.csv", Cases.Csv([Cases.Row(1)])));
        var second = Cases.MakeIban("601", 9001);
        var third = Cases.MakeIban("601", 9002);
        var r = ws.RunOk("import", "recipients", ws.Write("r2.csv", Cases.Csv([Cases.Row(1, x => x["iban"] = second), Cases.Row(2), Cases.Row(1, x => x["iban"] = third)])), "--json");
        using var db = ws.OpenDb();
        Assert.Equal(third, db.Cases.Single(c => c.CaseId == "C-0001").Iban);
        Assert.Equal(2, db.Cases.Count());
        // Each change kept, in file order: the first row against the stored case, the repeat against the row before it.
        var first = Cases.Row(1)["iban"];
        Assert.Equal([(first, second), (second, third)], db.BankDetailChanges.AsNoTracking().OrderBy(c => c.Id).AsEnumerable().Select(c => (c.OldIban, c.NewIban)));
        Assert.Contains("\"rows\": 3", r.Out, StringComparison.Ordinal);
        Assert.Contains("\"bankDetailChanges\": 2", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void The_first_import_into_an_empty_registry_keeps_the_change_of_a_case_repeated_in_its_file(string provider)
    {
        // An empty SQLite registry skips the history check for a case's first row: its repeat is still checked, row by row.
        using var ws = new Workspace(provider);
        var second = Cases.MakeIban("601", 9001);
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv([Cases.Row(1), Cases.Row(2), Cases.Row(1, x => x["iban"] = second), Cases.Row(3)])));
        using var db = ws.OpenDb();
        Assert.Equal(3, db.Cases.Count());
        var change = db.BankDetailChanges.AsNoTracking().Single();
        Assert.Equal(("C-0001", second), (change.CaseId, change.NewIban));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Certificates_are_read_and_a_bad_quarter_is_refused(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("import", "certificates", ws.Write("c.csv", "child_iin;quarter;certificate_no;issued_on;school\n140315501021;2026Q1;1;10.01.2026;Школа\n"));
        var r = ws.Run("import", "certificates", ws.Write("bad.csv", "child_iin,quarter,certificate_no,issued_on,school\n140315501021,2026Q5,1,2026-01-10,Школа\n"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 2, column 'quarter'", r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal("2026Q1", db.Certificates.Single().Quarter);
    }

    [Fact]
    public void Excels_sep_hint_line_names_the_delimiter_and_errors_keep_their_true_line()
    {
        using var ws = new Workspace();
        var good = "sep=;\n" + Cases.Csv([Cases.Row(1), Cases.Row(2)], ';');
        ws.RunOk("import", "recipients", ws.Write("excel.csv", good));
        var bad = "sep=;\n" + Cases.Csv([Cases.Row(1), Cases.Row(2, r => r["status"] = "closed")], ';');
        var r = ws.Run("import", "recipients", ws.Write("excel-bad.csv", bad));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 4, column 'status'", r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(2, db.Cases.Count());
    }

    [Fact]
    public void Encoding_is_detected_from_content()
    {
        using var ws = new Workspace();
        var utf8 = ws.Write("u.csv", "a\nӘбдіров\n");
        var cp1251 = ws.WriteBytes("w.csv", Core.Formats.Encodings.Windows1251.GetBytes("a\nИванов\n"));
        Assert.Equal(Encoding.UTF8.WebName, CsvInput.DetectEncoding(utf8).WebName);
        Assert.Equal(1251, CsvInput.DetectEncoding(cp1251).CodePage);
    }
}
