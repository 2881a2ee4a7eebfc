using PayBatch.Core.Domain;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reconciliation;

/// <summary>
/// The department's account statements in <c>reconcile</c>: batch debits and their findings, returned
/// payments, idempotence across files, and whole-file refusals. Three children are paid in 2026Q1
/// batch 01 (84 337.50 ₸) on 2026-01-20; the deadline is 2026-01-27.
/// </summary>
public class StatementTests
{
    private const string Amount = "28112.50";
    private const string Account = "KZ28070KZT0000123456";

    private static Workspace Paid(string provider, int n = 3)
    {
        var ws = new Workspace(provider);
        ws.WriteDepartmentSettings();
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    private static string Ref(int i) => $"2026Q1-01-{i:000000}";
    private static string Data(string name) => Path.Combine(Repo.TestData, "statements", name);

    private static PaymentRow Payment(Workspace ws, string reference)
    {
        using var db = ws.OpenDb();
        return db.Payments.AsNoTracking().Single(p => p.Reference == reference);
    }

    private static List<string[]> Findings(Workspace ws) =>
        File.ReadAllLines(ws.Path_("out", "2026Q1", "findings.csv")).Skip(1).Select(l => l.Split(',')).ToList();

    /// <summary>An MT940 statement of one day: opening 1 000 000.00, the given entries (sign, amount, rest of :61:), closing computed.</summary>
    private static string Mt940(string id, string date, params (char Mark, decimal Amount, string Tail, string Text)[] entries)
    {
        var closing = 1_000_000m + entries.Sum(e => e.Mark is 'C' ? e.Amount : -e.Amount);
        static string A(decimal d) => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
        var body = string.Concat(entries.Select(e => $":61:{date}{e.Mark}{A(e.Amount)}{e.Tail}\n" + (e.Text.Length > 0 ? $":86:{e.Text}\n" : "")));
        return $":20:{id}\n:25:{Account}\n:28C:1/1\n:60F:C{date}KZT{A(1_000_000m)}\n{body}:62F:C{date}KZT{A(closing)}\n-\n";
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_camt053_debiting_the_batch_and_returning_a_payment_is_applied_with_no_finding(string provider)
    {
        using var ws = Paid(provider);
        var r = ws.Run("reconcile", Data("statement.camt053.xml"), "--as-of", "2026-01-22", "--json");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using (var json = JsonDocument.Parse(r.Out))
            Assert.Equal("camt.053", json.RootElement.GetProperty("files")[0].GetProperty("kind").GetString());
        var p = Payment(ws, Ref(2));
        Assert.Equal((PaymentStatus.Returned, "AC04", (DateOnly?)null), (p.Status, p.StatusReason, p.CreditedOn));
        var line = File.ReadAllLines(ws.Path_("out", "2026Q1", "reconciliation.csv")).Single(l => l.StartsWith(Ref(2), StringComparison.Ordinal));
        Assert.EndsWith(",returned,,,2026-01-27,,AC04", line, StringComparison.Ordinal); // outside the SLA figures
        Assert.Empty(Findings(ws));
        using var db = ws.OpenDb();
        Assert.Equal(4, db.StatementEntries.Count(e => e.Kind == "debit")); // two, a duplicate, and its reversal
        var debit = db.StatementEntries.AsNoTracking().Where(e => e.Kind == "debit").OrderBy(e => e.Id).First();
        Assert.Equal(("statement.camt053.xml", "/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]", 64), (debit.File, debit.Location, debit.FileSha256.Length));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void An_MT940_return_keeps_the_credit_date_and_the_same_statement_again_or_overlapping_changes_nothing(string provider)
    {
        using var ws = Paid(provider);
        ws.RunOk("reconcile", ws.Write("bank.csv", $"reference,iban,amount,status,credited_on,reason\n{Ref(2)},,{Amount},credited,2026-01-21,\n"), "--as-of", "2026-01-21");
        var file = ws.WriteBytes("two.mt940", File.ReadAllBytes(Data("two-statements.mt940")));
        ws.RunOk("reconcile", file, "--as-of", "2026-01-22");
        Assert.Equal((PaymentStatus.Returned, "AC04", (DateOnly?)new DateOnly(2026, 1, 21)), (Payment(ws, Ref(2)).Status, Payment(ws, Ref(2)).StatusReason, Payment(ws, Ref(2)).CreditedOn));
        var before = File.ReadAllBytes(ws.Path_("out", "2026Q1", "reconciliation.csv"));

        // The first day's statement on its own, in another file, overlaps the one already read.
        var text = File.ReadAllText(file);
        var firstDay = ws.Write("day1.mt940", text[..(text.IndexOf("-}", StringComparison.Ordinal) + 2)]);
        using (var again = JsonDocument.Parse(ws.RunOk("reconcile", file, firstDay, "--as-of", "2026-01-22", "--json").Out))
            Assert.Equal(1, again.RootElement.GetProperty("alreadyRecorded").GetInt32());
        Assert.Equal(before, File.ReadAllBytes(ws.Path_("out", "2026Q1", "reconciliation.csv")));
        Assert.Empty(Findings(ws)); // the batch's debit counted once, not twice
        using var db = ws.OpenDb();
        Assert.Equal(84_337_50, db.StatementEntries.Where(e => e.Kind == "debit").Sum(e => e.AmountTiyn));
        Assert.Equal(1, db.StatementEntries.Count(e => e.Kind == "return"));
        Assert.Equal(4, db.Statements.Count()); // each page of two.mt940 once, however often read, and day1.mt940's page
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void DEBIT_MISMATCH_when_the_debits_read_so_far_are_not_the_control_sum(string provider)
    {
        using var ws = Paid(provider);
        var part = ws.Write("a.mt940", Mt940("A", "260120", ('D', 56_225m, "NTRF2026Q1-01-HSBK//B1", "")));
        var r = ws.Run("reconcile", part, "--as-of", "2026-01-21");
        Assert.Equal(3, r.ExitCode);
        var f = Assert.Single(Findings(ws));
        Assert.Equal(("a.mt940", "5", "2026Q1-01", "DEBIT_MISMATCH"), (f[0], f[1], f[2], f[3]));
        Assert.Contains("debited 56225.00 so far, control sum 84337.50", string.Join(',', f), StringComparison.Ordinal);
        using (var trace = JsonDocument.Parse(ws.RunOk("payment", Ref(1), "--json").Out))
        {
            var batch = trace.RootElement.GetProperty("batch");
            Assert.Equal(("56225.00", "DEBIT_MISMATCH"), (batch.GetProperty("debited").GetString(), batch.GetProperty("finding").GetString()));
            Assert.Equal("a.mt940", batch.GetProperty("debits")[0].GetProperty("file").GetString());
        }
        // The rest of the batch debited in another statement: the sum now matches.
        var rest = ws.Write("b.mt940", Mt940("B", "260121", ('D', 28_112.50m, "NTRFNONREF//B2", "/PURP/payment order 2026Q1-01-KCJB")));
        Assert.Equal(0, ws.Run("reconcile", rest, "--as-of", "2026-01-21").ExitCode);
        Assert.Empty(Findings(ws));
        using var report = JsonDocument.Parse(ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-01-21", "--format", "json").Out);
        var row = report.RootElement.GetProperty("batches")[0];
        Assert.Equal(("2026Q1-01", "84337.50", "84337.50", "0.00"),
            (row.GetProperty("batch").GetString(), row.GetProperty("total").GetString(), row.GetProperty("debited").GetString(), row.GetProperty("difference").GetString()));
    }

    /// <summary>
    /// A statement in two pages (<c>:62M:</c> then <c>:60M:</c>, the same <c>:28C:</c> number) with the batch debited in three
    /// identical entries, two on the first page and one on the second: three debits, not two (the second page's was taken for
    /// the first page's read again), and the same file read again changes nothing.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public void Identical_debits_on_two_pages_of_a_statement_are_each_counted_once(string provider)
    {
        using var ws = Paid(provider);
        const string debit = ":61:2601200120D28112,50NTRF2026Q1-01\n";
        var file = ws.Write("pages.mt940",
            $":20:P\n:25:{Account}\n:28C:7/1\n:60F:C260119KZT1000000,00\n{debit}{debit}:61:2601200120D150,00NCHGNONREF\n:62M:C260120KZT943625,00\n-\n" +
            $":20:P\n:25:{Account}\n:28C:7/2\n:60M:C260120KZT943625,00\n{debit}:61:2601200120D150,00NCHGNONREF\n:62F:C260120KZT915362,50\n-\n");
        Assert.Equal(0, ws.Run("reconcile", file, "--as-of", "2026-01-21").ExitCode);
        Assert.Empty(Findings(ws)); // not DEBIT_MISMATCH: debited 56225.00 so far, control sum 84337.50
        ws.RunOk("reconcile", file, "--as-of", "2026-01-21");
        Assert.Empty(Findings(ws));
        using var db = ws.OpenDb();
        Assert.Equal((3, 84_337_50L), (db.StatementEntries.Count(e => e.Kind == "debit"), db.StatementEntries.Where(e => e.Kind == "debit").Sum(e => e.AmountTiyn)));
        Assert.Equal(2, db.Statements.Count());
    }

    /// <summary>
    /// Two statements, each balanced, whose debits of the batch add up past any amount: refused whole, nothing kept (it threw,
    /// exit 1; kept, they would fail every later sum of the batch's). One of them alone is a DEBIT_MISMATCH, and a second
    /// reconcile with the other is refused the same way against the debit kept.
    /// </summary>
    [Fact]
    public void Debits_of_a_batch_that_add_up_past_any_amount_are_refused_and_nothing_is_kept()
    {
        using var ws = Paid("sqlite");
        string Huge(string id) => ws.Write($"{id}.mt940", $":20:{id}\n:25:{Account}\n:28C:1/1\n:60F:C260120KZT60000000000000000,00\n" +
                                                          $":61:260120D60000000000000000,00NTRF2026Q1-01-HSBK//{id}\n:62F:C260120KZT0,00\n-\n");
        var both = ws.Run("reconcile", Huge("a"), Huge("b"), "--as-of", "2026-01-21");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("the debits of batch 2026Q1-01 read so far add up past any amount", both.Error, StringComparison.Ordinal);
        using (var db = ws.OpenDb()) Assert.Equal(0, db.Statements.Count() + db.StatementEntries.Count());

        Assert.Equal(3, ws.Run("reconcile", Huge("a"), "--as-of", "2026-01-21").ExitCode);
        Assert.Contains("debited 60000000000000000.00 so far, control sum 84337.50", string.Join(',', Assert.Single(Findings(ws))), StringComparison.Ordinal);
        var again = ws.Run("reconcile", Huge("b"), "--as-of", "2026-01-21");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("add up past any amount", again.Error, StringComparison.Ordinal);
        Assert.Contains("60000000000000000.00", ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-01-21", "--format", "json").Out, StringComparison.Ordinal); // the batch's sums still read
        Assert.Equal(0, ws.Run("payment", Ref(1)).ExitCode);
    }

    /// <summary>
    /// SPEC: only a released batch is owed a debit (NOT_DEBITED). A prepared batch past its deadline, and a cancelled one,
    /// got it; a released one past its deadline still does.
    /// </summary>
    [Fact]
    public void Only_a_released_batch_is_NOT_DEBITED()
    {
        using var ws = new Workspace();
        TestPki.WriteSettings(ws);
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        var fee = ws.Run("reconcile", ws.Write("a.mt940", Mt940("A", "260130", ('D', 10m, "NTRFNONREF", ""))), "--as-of", "2026-02-10");
        Assert.Equal(3, fee.ExitCode); // its payments are overdue: a person must sign or cancel it
        Assert.Equal(["OVERDUE", "OVERDUE", "OVERDUE"], Findings(ws).Select(f => f[3]));

        ws.RunOk("cancel", "--batch", "2026Q1-01", "--reason", "wrong value date");
        ws.Run("reconcile", ws.Write("b.mt940", Mt940("B", "260130", ('D', 10m, "NTRFNONREF", ""))), "--as-of", "2026-02-10");
        Assert.DoesNotContain(Findings(ws), f => f[3] == "NOT_DEBITED");

        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-21"); // batch 02, prepared
        using (var db = ws.OpenDb())
        {
            db.Batches.Single(b => b.Number == 2).State = BatchState.Released; // as two signatures would leave it
            db.SaveChanges();
        }
        ws.Run("reconcile", ws.Write("c.mt940", Mt940("C", "260130", ('D', 10m, "NTRFNONREF", ""))), "--as-of", "2026-02-10");
        Assert.Equal(("2026Q1-02", "NOT_DEBITED"), Assert.Single(Findings(ws), f => f[3] == "NOT_DEBITED") is var f ? (f[2], f[3]) : default);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void NOT_DEBITED_once_a_statement_was_read_and_the_deadline_passed_without_a_debit(string provider)
    {
        using var ws = Paid(provider);
        var feeOnly = ws.Write("fee.mt940", Mt940("F", "260121", ('D', 150m, "NCHGNONREF//F1", "bank fee")));
        Assert.Equal(0, ws.Run("reconcile", feeOnly, "--as-of", "2026-01-27").ExitCode); // the deadline is today: not yet
        Assert.Empty(Findings(ws));
        var csv = ws.Write("bank.csv", $"reference,iban,amount,status,credited_on,reason\n{Ref(1)},,{Amount},credited,2026-01-21,\n{Ref(2)},,{Amount},credited,2026-01-21,\n{Ref(3)},,{Amount},credited,2026-01-21,\n");
        Assert.Equal(3, ws.Run("reconcile", csv, "--as-of", "2026-01-28").ExitCode);
        var f = Assert.Single(Findings(ws));
        Assert.Equal(("", "", "2026Q1-01", "NOT_DEBITED"), (f[0], f[1], f[2], f[3]));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_debit_that_looks_like_a_batch_but_matches_none_is_UNKNOWN_DEBIT_and_other_debits_are_ignored(string provider)
    {
        using var ws = Paid(provider);
        var file = ws.Write("s.mt940", Mt940("U", "260120",
            ('D', 84_337.50m, "NTRF2026Q1-01//B1", ""), ('D', 1_000m, "NTRF2026Q1-09-HSBK//B2", ""), ('D', 77m, "NTRFRENT-JAN//B3", "rent")));
        Assert.Equal(3, ws.Run("reconcile", file, "--as-of", "2026-01-21").ExitCode);
        var f = Assert.Single(Findings(ws));
        Assert.Equal(("s.mt940", "6", "2026Q1-09", "UNKNOWN_DEBIT"), (f[0], f[1], f[2], f[3]));
        using var db = ws.OpenDb();
        Assert.Equal(2, db.StatementEntries.Count()); // the batch's debit and the unknown one; the rent is not PayBatch's
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_return_of_another_amount_or_of_a_rejected_payment_changes_nothing_and_is_a_finding(string provider)
    {
        using var ws = Paid(provider);
        ws.RunOk("reconcile", ws.Write("bank.csv", $"reference,iban,amount,status,credited_on,reason\n{Ref(3)},,{Amount},rejected,,AC01\n"), "--as-of", "2026-01-21");
        var file = ws.Write("s.mt940", Mt940("R", "260121",
            ('D', 84_337.50m, "NTRF2026Q1-01//B1", ""),
            ('C', 100m, $"NRTI{Ref(1)}//B2", "/RTRN/AC04/"),
            ('C', 28_112.50m, $"NRTI{Ref(3)}//B3", "/RTRN/AC04/")));
        Assert.Equal(3, ws.Run("reconcile", file, "--as-of", "2026-01-21").ExitCode);
        Assert.Equal([(Ref(1), "AMOUNT_MISMATCH"), (Ref(3), "CONFLICT")], Findings(ws).Select(f => (f[2], f[3])));
        Assert.Equal(PaymentStatus.Issued, Payment(ws, Ref(1)).Status);
        Assert.Equal((PaymentStatus.Rejected, "AC01"), (Payment(ws, Ref(3)).Status, Payment(ws, Ref(3)).StatusReason));
        using var trace = JsonDocument.Parse(ws.RunOk("payment", Ref(3), "--json").Out);
        Assert.Contains(trace.RootElement.GetProperty("confirmations").EnumerateArray(),
            l => l.GetProperty("status").GetString() == "returned" && l.GetProperty("outcome").GetString() == "CONFLICT");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_camt054_credit_with_RtrInf_is_a_return_even_marked_as_a_reversal(string provider)
    {
        using var ws = Paid(provider);
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>N-2</MsgId><CreDtTm>2026-02-03T18:00:00+05:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>N-2</Id><Acct><Id><IBAN>{Account}</IBAN></Id></Acct>
                  <Ntry><Amt Ccy="KZT">{Amount}</Amt><RvslInd>true</RvslInd><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-02-03</Dt></BookgDt><BkTxCd/><NtryDtls><TxDtls><Refs><EndToEndId>{Ref(1)}</EndToEndId></Refs>
                    <Amt Ccy="KZT">{Amount}</Amt><RtrInf><Rsn><Cd>MD07</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
                </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """;
        ws.RunOk("reconcile", ws.Write("bank.csv", $"reference,iban,amount,status,credited_on,reason\n{Ref(1)},,{Amount},credited,2026-01-21,\n"), "--as-of", "2026-01-21");
        ws.Run("reconcile", ws.Write("notice.xml", xml), "--as-of", "2026-01-21");
        var p = Payment(ws, Ref(1));
        Assert.Equal((PaymentStatus.Returned, "MD07", (DateOnly?)new DateOnly(2026, 1, 21)), (p.Status, p.StatusReason, p.CreditedOn));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_returned_payment_is_paid_again_by_reissue_once_and_the_report_counts_it(string provider)
    {
        using var ws = Paid(provider, 2);
        var rows = Enumerable.Range(1, 2).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("reconcile", ws.Write("s.mt940", Mt940("R", "260121",
            ('D', 56_225m, "NTRF2026Q1-01//B1", ""), ('C', 28_112.50m, $"NRTI{Ref(1)}//B2", "/RTRN/AC04/ closed"))), "--as-of", "2026-01-21");
        using (var none = JsonDocument.Parse(ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-22", "--json").Out))
            Assert.False(none.RootElement.GetProperty("created").GetBoolean()); // bank details unchanged since the return

        rows[0]["iban"] = Cases.MakeIban("722", 4242);
        rows[0]["bank_bic"] = "CASPKZKA";
        ws.RunOk("import", "recipients", ws.Write("r2.csv", Cases.Csv(rows)));
        using (var run = JsonDocument.Parse(ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-22", "--json").Out))
            Assert.Equal(1, run.RootElement.GetProperty("count").GetInt32());
        using (var again = JsonDocument.Parse(ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-23", "--all-rejected", "--json").Out))
            Assert.False(again.RootElement.GetProperty("created").GetBoolean()); // paid once more, not twice
        using (var db = ws.OpenDb())
        {
            var old = db.Payments.AsNoTracking().Single(p => p.Reference == Ref(1));
            Assert.Equal(old.Id, db.Payments.AsNoTracking().Single(p => p.Reference == "2026Q1-02-000001").ReplacesPaymentId);
        }
        using var report = JsonDocument.Parse(ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-01-22", "--format", "json").Out);
        var payments = report.RootElement.GetProperty("payments");
        Assert.Equal((1, 1, 2), (payments.GetProperty("returned").GetInt32(), payments.GetProperty("reissued").GetInt32(), payments.GetProperty("issued").GetInt32()));
        Assert.Equal(Amount, report.RootElement.GetProperty("amounts").GetProperty("returned").GetString());
        Assert.Equal(0, report.RootElement.GetProperty("sla").GetProperty("overdue").GetInt32());
        using var trace = JsonDocument.Parse(ws.RunOk("payment", "2026Q1-02-000001", "--json").Out);
        Assert.Equal(Ref(1), trace.RootElement.GetProperty("replaces").GetString());
    }

    public static TheoryData<string, string, string> BadStatements => new()
    {
        { "another-account.mt940", Mt940("X", "260120", ('D', 10m, "NTRFNONREF", "")).Replace(Account, "KZ86125KZT5004100100", StringComparison.Ordinal), "not the department's" },
        { "usd.mt940", Mt940("X", "260120", ('D', 10m, "NTRFNONREF", "")).Replace("KZT", "USD", StringComparison.Ordinal), "is in USD, not KZT" },
        { "unbalanced.mt940", Mt940("X", "260120", ('D', 10m, "NTRFNONREF", "")).Replace("C260120KZT999990,00", "C260120KZT999999,00", StringComparison.Ordinal), "does not add up" },
        { "bad-61.mt940", Mt940("X", "260120", ('D', 10m, "NTRFNONREF", "")).Replace(":61:260120D", ":61:260120Z", StringComparison.Ordinal), "line 5: :61: '260120Z10,00NTRFNONREF' has no debit/credit mark" },
        { "truncated.mt940", ":20:X\n:25:KZ28070KZT0000123456\n:28C:1/1\n:60F:C260120KZT1000,00\n:61:260120D10,00NTRF2026Q1-01\n", "ends inside the statement" },
        { "empty.mt940", "", "" },
        { "no-currency.mt940", Mt940("X", "260120", ('D', 10m, "NTRFNONREF", "")).Replace(":60F:C260120KZT", ":60F:C260120", StringComparison.Ordinal), "has no currency" },
        { "xsd.xml", File.ReadAllText(Path.Combine(Repo.TestData, "statements", "statement.camt053.xml")).Replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>", StringComparison.Ordinal), "camt.053.001.08 schema" },
        { "camt052.xml", "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>", "camt.053.001.02 is a version PayBatch does not read" },
        // Each amount fits; their sum does not (it threw, exit 1).
        { "past-any-amount.mt940", $":20:X\n:25:{Account}\n:28C:1/1\n:60F:C260120KZT92233720368547758,00\n:61:260120C92233720368547758,00NTRFNONREF\n:62F:C260120KZT1,00\n-\n",
            "add up past any amount" },
        // Balances dated past the years a quarter can be in (the quarters it covers threw, exit 1).
        { "year-3000.xml", File.ReadAllText(Path.Combine(Repo.TestData, "statements", "statement.camt053.xml")).Replace("<Dt><Dt>2026-01-21</Dt></Dt>", "<Dt><Dt>3000-01-21</Dt></Dt>", StringComparison.Ordinal),
            "runs from 2026-01-19 to 3000-01-21, outside the years 1900–2999" },
        { "xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE Document [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>", "a DTD is not allowed" },
    };

    [Theory]
    [MemberData(nameof(BadStatements))]
    public void A_statement_that_cannot_be_applied_is_refused_whole_with_exit_2_and_nothing_of_the_call_applied(string name, string content, string message)
    {
        using var ws = Paid("sqlite");
        var good = ws.Write("good.csv", $"reference,iban,amount,status,credited_on,reason\n{Ref(1)},,{Amount},credited,2026-01-21,\n");
        var r = ws.Run("reconcile", good, ws.Write(name, content), "--as-of", "2026-01-21");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.Contains(name, r.Error, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Issued, Payment(ws, Ref(1)).Status);
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Statements.Count() + db.StatementEntries.Count() + db.Confirmations.Count());
    }

    [Fact]
    public void A_schema_error_names_its_line_in_the_person_s_language()
    {
        using var ws = Paid("sqlite");
        var broken = ws.Write("xsd.xml", File.ReadAllText(Path.Combine(Repo.TestData, "statements", "statement.camt053.xml"))
            .Replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>", StringComparison.Ordinal));
        var kk = ws.Run("reconcile", broken, "--as-of", "2026-01-21", "--lang", "kk");
        Assert.Equal(2, kk.ExitCode);
        Assert.Matches(@"\d+-жол: .*CdtDbtInd.* \(camt\.053\.001\.08 сұлбасы\)", kk.Error);
        Assert.DoesNotContain("line ", kk.Error, StringComparison.Ordinal);
        // The validator quotes the value it refused (here harmless, but a name or an IBAN elsewhere): it is left out.
        Assert.DoesNotContain("'DEBIT'", kk.Error, StringComparison.Ordinal);
        Assert.Matches(@"строка \d+: ", ws.Run("reconcile", broken, "--as-of", "2026-01-21", "--lang", "ru").Error);

        // An IBAN written in groups of four is refused by the schema; neither the screen nor the log repeats it.
        var spaced = ws.Write("spaced.xml", File.ReadAllText(Path.Combine(Repo.TestData, "statements", "statement.camt053.xml"))
            .Replace("KZ28070KZT0000123456", "KZ28 070K ZT00 0012 3456", StringComparison.Ordinal));
        var r = ws.Run("reconcile", spaced, "--as-of", "2026-01-21");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("IBAN", r.Error, StringComparison.Ordinal);
        var log = string.Concat(Directory.GetFiles(ws.Path_("logs")).Select(File.ReadAllText));
        Assert.DoesNotContain("ZT00 0012", r.Error + log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_statement_debits_both_batches_and_returns_a_payment_after_its_credit()
    {
        using var ws = SampleQuarter.Create(reconcile: false);
        var r = ws.Run("reconcile", Path.Combine(Repo.Samples, "bank-confirmations.csv"), Path.Combine(Repo.Samples, "statement-2026Q1.camt053.xml"), "--as-of", SampleQuarter.AsOf);
        Assert.Equal(3, r.ExitCode); // the late and the overdue payment of the confirmations; no debit finding
        Assert.DoesNotContain(Findings(ws), f => f[3] is "DEBIT_MISMATCH" or "NOT_DEBITED" or "UNKNOWN_DEBIT");
        var p = Payment(ws, "2026Q1-01-000010");
        Assert.Equal((PaymentStatus.Returned, "AC04", (DateOnly?)new DateOnly(2026, 1, 21)), (p.Status, p.StatusReason, p.CreditedOn));
    }
}
