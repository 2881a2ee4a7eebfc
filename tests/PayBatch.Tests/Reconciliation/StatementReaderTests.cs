using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PayBatch.Core.Formats;
using PayBatch.Core.Import;
using PayBatch.Core.Reconciliation;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reconciliation;

/// <summary>The statement readers as pure functions: hand-written files in, statements out, compared with golden text.</summary>
public class StatementReaderTests
{
    private static string Data(string name) => Path.Combine(Repo.TestData, "statements", name);
    private static string GoldenPath(string name) => Path.Combine(Repo.TestData, "golden", "statements", name);

    private static IReadOnlyList<Statement> ReadMt940(string path) => Mt940Reader.Read(path, Mt940Reader.Decode(File.ReadAllBytes(path)));

    private static IReadOnlyList<Statement> ReadCamt053(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var reader = XmlReader.Create(new MemoryStream(bytes), ConfirmationReader.SafeXml);
        return Camt053Reader.Read(path, bytes, XDocument.Load(reader, LoadOptions.SetLineInfo));
    }

    /// <summary>Everything a reader gives, one line per statement, entry and transaction, then what PayBatch makes of it.</summary>
    private static byte[] Dump(IReadOnlyList<Statement> statements)
    {
        var sb = new StringBuilder();
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        foreach (var s in statements)
        {
            sb.Append(CultureInfo.InvariantCulture, $"statement '{s.Id}' line {s.Line}: {s.Account} {s.Currency} opening {s.Opening} on {D(s.OpeningDate)}, closing {s.Closing} on {D(s.ClosingDate)}, booked {s.ClosingByEntries}\n");
            foreach (var e in s.Entries)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {e.Location}: {(e.Booked ? "booked" : "pending")} {(e.Credit ? "credit" : "debit")}{(e.Reversal ? " reversal" : "")} {e.Amount} booked {D(e.BookedOn)} value {D(e.ValueDate)} bank-ref {e.BankReference ?? "-"} id {e.Identity[..12]}\n");
                sb.Append(CultureInfo.InvariantCulture, $"    refs [{string.Join(" | ", e.References)}]\n");
                foreach (var t in e.Transactions)
                    sb.Append(CultureInfo.InvariantCulture, $"    tx line {t.Line}: e2e {t.EndToEndId ?? "-"} amount {t.Amount?.ToString() ?? "-"} return {t.ReturnReason ?? "-"}\n");
            }
        }
        foreach (var d in StatementMatching.Debits("file", statements))
            sb.Append(CultureInfo.InvariantCulture, $"debit of {d.Batch}: {d.Amount} at {d.Location}, booked {D(d.BookedOn)}\n");
        foreach (var r in StatementMatching.Returns("file", statements))
            sb.Append(CultureInfo.InvariantCulture, $"return of {r.Reference}: {r.Amount} {r.Reason ?? "-"} at {r.Entry!.Location}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public void An_MT940_with_two_statements_and_a_continuation_reads_as_its_golden_file()
    {
        var statements = ReadMt940(Data("two-statements.mt940"));
        Assert.Equal(3, statements.Count); // the second statement comes in two pages, :62M: then :60M:
        Assert.Empty(StatementMatching.Problems(statements, "KZ28070KZT0000123456"));
        Golden.Match(GoldenPath("two-statements.mt940.txt"), Dump(statements));
    }

    [Fact]
    public void An_MT940_reads_the_same_in_Windows_1251_with_LF_and_without_its_envelope()
    {
        var path = Data("two-statements.mt940");
        var utf8 = File.ReadAllText(path, Encoding.UTF8);
        var expected = Dump(ReadMt940(path));
        Assert.Equal(expected, Dump(Mt940Reader.Read(path, Mt940Reader.Decode(Encodings.Windows1251.GetBytes(utf8)))));
        Assert.Equal(expected, Dump(Mt940Reader.Read(path, utf8.Replace("\r\n", "\n", StringComparison.Ordinal))));
        // Without the envelope the lines move, the entries stay the same entries.
        var bare = string.Join("\n", utf8.Split("\r\n").Where(l => !l.StartsWith('\x01') && !l.StartsWith("-}", StringComparison.Ordinal)));
        Assert.True(Mt940Reader.Recognises(bare));
        Assert.Equal(ReadMt940(path).SelectMany(s => s.Entries).Select(e => e.Identity),
            Mt940Reader.Read(path, bare).SelectMany(s => s.Entries).Select(e => e.Identity));
    }

    [Fact]
    public void MT940_shapes_seen_in_real_bank_files_are_read_and_add_up()
    {
        // Hand-adapted from public parser test sets (ABN AMRO framing, ING envelope with block 3,
        // mBank funds code and wrapped :86:, Sberbank :NS: and blank type, Raiffeisen :61: details).
        var statements = ReadMt940(Data("real-world-shapes.mt940"));
        Assert.Equal(["HALYK 260122 17/1", "P260123000009999 18"], statements.Select(s => s.Id));
        Assert.All(statements, s => Assert.Equal("KZ28070KZT0000123456", s.Account));
        Assert.Empty(StatementMatching.Problems(statements, "KZ28070KZT0000123456"));
        var entries = statements.SelectMany(s => s.Entries).ToList();
        Assert.Equal(["1.00", "11.80", "24.00", "5.00"], entries.Select(e => e.Amount.ToString()));
        Assert.Equal([false, true, false, true], entries.Select(e => e.Credit));
        Assert.True(entries[3].Reversal);
        Assert.Contains("TNR: 179301073837502.000001", entries[1].References[^1], StringComparison.Ordinal);
        Assert.Empty(StatementMatching.Debits("f", statements));
        Assert.Empty(StatementMatching.Returns("f", statements));
    }

    [Fact]
    public void A_camt053_with_a_batch_debit_a_return_and_a_reversal_reads_as_its_golden_file()
    {
        var statements = ReadCamt053(Data("statement.camt053.xml"));
        Assert.Empty(StatementMatching.Problems(statements, "KZ28070KZT0000123456"));
        Assert.Equal(84_337_50, StatementMatching.Debits("f", statements).Sum(d => d.Amount.Tiyn)); // the reversal cancels the duplicate
        Golden.Match(GoldenPath("statement.camt053.txt"), Dump(statements));
    }

    /// <summary>xs:boolean's 1 is true: the reversal written <c>1</c> reads as the one written <c>true</c> (it was read as a credit).</summary>
    [Fact]
    public void A_camt053_reversal_written_1_is_a_reversal()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paybatch-rvsl-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, File.ReadAllText(Data("statement.camt053.xml")).Replace("<RvslInd>true</RvslInd>", "<RvslInd>1</RvslInd>", StringComparison.Ordinal));
        try
        {
            var statements = ReadCamt053(path);
            Assert.Single(statements.SelectMany(s => s.Entries), e => e.Reversal);
            Assert.Equal(84_337_50, StatementMatching.Debits("f", statements).Sum(d => d.Amount.Tiyn)); // the reversal cancels the duplicate
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> Camt053Files => new() { "tests/PayBatch.Tests/TestData/statements/statement.camt053.xml", "samples/statement-2026Q1.camt053.xml" };

    [Theory]
    [MemberData(nameof(Camt053Files))]
    public void The_camt053_files_validate_against_the_official_schema(string relative)
    {
        var schemas = new XmlSchemaSet { XmlResolver = null };
        using (var xsd = XmlReader.Create(Path.Combine(Repo.Iso20022, "camt.053.001.08.xsd"), ConfirmationReader.SafeXml))
            schemas.Add(null, xsd);
        Assert.Empty(Iso20022Schema.Validate(File.ReadAllBytes(Path.Combine(Repo.Root, relative)), schemas));
    }

    [Theory]
    [InlineData(":61:2601200120X84337,50NTRF2026Q1-01-M001", "line 6: :61: '2601200120X84337,50NTRF2026Q1-01-M001' has no debit/credit mark")]
    [InlineData(":61:2601200120D84337,505NTRF2026Q1-01-M001", "line 6: '84337,505' is not an amount")]
    [InlineData(":61:2601200120D84337,50", "line 6: :61: '2601200120D84337,50' has no transaction type")]
    [InlineData(":61:2602300120D84337,50NTRF2026Q1-01-M001", "line 6: the date '260230' (YYMMDD) does not exist")]
    [InlineData(":61:D84337,50NTRF2026Q1-01-M001", "line 6: :61: 'D84337,50NTRF2026Q1-01-M001' does not start with a value date")]
    public void An_MT940_entry_that_does_not_parse_is_refused_naming_the_line_and_why(string entry, string why)
    {
        var text = File.ReadAllText(Data("two-statements.mt940")).Replace(":61:2601200120D84337,50NTRF2026Q1-01-M001//BNK260120001", entry, StringComparison.Ordinal);
        var e = Assert.Throws<InputFileException>(() => Mt940Reader.Read("bad.mt940", text));
        Assert.StartsWith(why, e.Problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":60F:C260119KZT1000000,00", ":60F:C2601191000000,00", "line 5: :60F: balance 'C2601191000000,00' has no currency")]
    [InlineData(":62F:C260120KZT915512,5", ":62F:C260230KZT915512,5", "line 11: the date '260230' (YYMMDD) does not exist")]
    public void An_MT940_balance_without_currency_or_with_a_date_that_does_not_exist_is_refused(string from, string to, string why)
    {
        var text = File.ReadAllText(Data("two-statements.mt940")).Replace(from, to, StringComparison.Ordinal);
        Assert.Equal(why, Assert.Throws<InputFileException>(() => Mt940Reader.Read("bad.mt940", text)).Problems[0]);
    }

    [Fact]
    public void An_MT940_cut_off_mid_entry_or_without_a_statement_is_refused()
    {
        var text = File.ReadAllText(Data("two-statements.mt940"));
        var cut = text[..(text.IndexOf(":86:Комиссия", StringComparison.Ordinal) + 10)];
        Assert.Equal("line 2: the file ends inside the statement 'STMT260120': no closing balance :62F:",
            Assert.Throws<InputFileException>(() => Mt940Reader.Read("cut.mt940", cut)).Problems[0]);
        Assert.Contains("no MT940 statement", Assert.Throws<InputFileException>(() => Mt940Reader.Read("none.mt940", "-}\r\n")).Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_of_another_account_or_currency_or_that_do_not_add_up_are_problems()
    {
        var statements = ReadMt940(Data("two-statements.mt940"));
        Assert.Contains("not the department's", Assert.Single(StatementMatching.Problems(statements.Take(1), "KZ86125KZT5004100100")), StringComparison.Ordinal);
        var usd = statements[0] with { Currency = "USD" };
        Assert.Equal("line 2: statement 'STMT260120 15/1' is in USD, not KZT", Assert.Single(StatementMatching.Problems([usd], "KZ28070KZT0000123456")));
        var unbalanced = statements[0] with { Closing = new Core.Domain.Tenge(91_551_200) };
        Assert.Equal("line 2: statement 'STMT260120 15/1' does not add up: opening 1000000.00 + booked entries -84487.50 = 915512.50, but the closing balance is 915512.00",
            Assert.Single(StatementMatching.Problems([unbalanced], "KZ28070KZT0000123456")));
    }
}
