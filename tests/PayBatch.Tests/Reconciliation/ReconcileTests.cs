using PayBatch.Core.Domain;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reconciliation;

public class ReconcileTests
{
    private const string Amount = "28112.50";

    /// <summary>Three children paid in 2026Q1 batch 01 on Tuesday 2026-01-20; the deadline is 2026-01-27.</summary>
    private static (Workspace Ws, List<Dictionary<string, string>> Rows) Paid(string provider, int n = 3)
    {
        var ws = new Workspace(provider);
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return (ws, rows);
    }

    private static string Ref(int i) => $"2026Q1-01-{i:000000}";

    private static PaymentRow Payment(Workspace ws, int i)
    {
        using var db = ws.OpenDb();
        return db.Payments.AsNoTracking().Single(p => p.Reference == Ref(i));
    }

    private static string Csv(params string[] lines) => "reference,iban,amount,status,credited_on,reason\n" + string.Join("\n", lines) + "\n";

    private static List<string[]> Findings(Workspace ws) =>
        File.ReadAllLines(ws.Path_("out", "2026Q1", "findings.csv")).Skip(1).Select(l => l.Split(',')).ToList();

    /// <summary>findings.csv is written in chunks of 500 rows: more than two chunks' findings come out whole, once each, in line order.</summary>
    [Fact]
    public void A_findings_file_of_many_chunks_has_every_finding_once_under_one_header()
    {
        var (ws, _) = Paid("sqlite");
        using var _ws = ws;
        var lines = Enumerable.Range(1, 1_234).Select(i => $"2026Q1-07-{i:000000},,{Amount},credited,2026-01-21,").ToArray();
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv(lines)), "--as-of", "2026-01-21");
        Assert.Equal(3, r.ExitCode);
        var rows = File.ReadAllLines(ws.Path_("out", "2026Q1", "findings.csv"));
        Assert.Equal("file,line,reference,finding,detail", rows[0]);
        Assert.Equal(lines.Select(l => l[..16]), rows.Skip(1).Select(l => l.Split(',')[2]));
        Assert.Equal(Enumerable.Range(2, 1_234).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(l => l.Split(',')[1]));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Credited_within_five_banking_days_is_on_time_and_exits_0(string provider)
    {
        var (ws, rows) = Paid(provider);
        using var _ = ws;
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv($"{Ref(1)},{rows[0]["iban"]},{Amount},credited,2026-01-27,")), "--as-of", "2026-01-27");
        Assert.Equal(0, r.ExitCode);
        var p = Payment(ws, 1);
        Assert.Equal((PaymentStatus.Credited, new DateOnly(2026, 1, 27)), (p.Status, p.CreditedOn!.Value));
        var line = File.ReadAllLines(ws.Path_("out", "2026Q1", "reconciliation.csv")).Single(l => l.StartsWith(Ref(1), StringComparison.Ordinal));
        Assert.EndsWith(",credited,2026-01-27,5,2026-01-27,on_time,", line, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Credited_after_the_fifth_banking_day_is_applied_and_LATE(string provider)
    {
        var (ws, rows) = Paid(provider);
        using var _ = ws;
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv($"{Ref(1)},,\"28112,50\",credited,28.01.2026,")), "--as-of", "2026-01-27");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(PaymentStatus.Credited, Payment(ws, 1).Status);
        var f = Assert.Single(Findings(ws));
        Assert.Equal(("bank.csv", "2", Ref(1), "LATE"), (f[0], f[1], f[2], f[3]));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Rejected_is_recorded_with_its_reason(string provider)
    {
        var (ws, _) = Paid(provider);
        using var __ = ws;
        ws.RunOk("reconcile", ws.Write("bank.csv", Csv($"{Ref(2)},,{Amount},rejected,,AC04")), "--as-of", "2026-01-21");
        var p = Payment(ws, 2);
        Assert.Equal((PaymentStatus.Rejected, "AC04"), (p.Status, p.StatusReason));
    }

    [Theory]
    [InlineData("2026Q1-01-000099,,28112.50,credited,2026-01-21,", "UNKNOWN_REFERENCE")]
    [InlineData("2026Q1-01-000001,,28112.49,credited,2026-01-21,", "AMOUNT_MISMATCH")]
    [InlineData("2026Q1-01-000001,KZ637220000007000001,28112.50,credited,2026-01-21,", "IBAN_MISMATCH")]
    public void A_line_that_does_not_match_changes_nothing_and_is_a_finding(string line, string finding)
    {
        const string provider = "sqlite";
        var (ws, _) = Paid(provider);
        using var __ = ws;
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv(line)), "--as-of", "2026-01-21");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(PaymentStatus.Issued, Payment(ws, 1).Status);
        Assert.Equal(finding, Assert.Single(Findings(ws))[3]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_reference_of_a_quarter_without_payments_is_in_the_findings_file_of_the_quarters_reported(string provider)
    {
        var (ws, _) = Paid(provider);
        using var __ = ws;
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-21,", $"2026Q2-01-000001,,{Amount},credited,2026-04-21,", $"GARBAGE,,{Amount},credited,2026-01-21,")),
            "--as-of", "2026-01-21");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("see findings.csv", r.Out, StringComparison.Ordinal);
        Assert.Equal([("3", "2026Q2-01-000001", "UNKNOWN_REFERENCE", "no payment 2026Q2-01-000001"), ("4", "GARBAGE", "UNKNOWN_REFERENCE", "no payment GARBAGE")],
            Findings(ws).Select(f => (f[1], f[2], f[3], f[4])));
        Assert.False(Directory.Exists(ws.Path_("out", "2026Q2")));
        Assert.Contains("2026Q2-01-000001", ws.Run("findings", "--quarter", "2026Q1").Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reconcile loads the first quarter a file names while it reads the rest of the file, and the other quarters after:
    /// a file whose first line is of the later quarter applies the lines of both, each quarter's payments loaded once.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public void A_file_whose_first_line_names_the_later_of_two_paid_quarters_applies_both(string provider)
    {
        var (ws, rows) = Paid(provider);
        using var __ = ws;
        ws.RunOk("run", "--quarter", "2026Q2", "--value-date", "2026-04-20", "--certificates", ws.Write("c2.csv", Cases.Certificates(rows, "2026Q2")));
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv($"2026Q2-01-000002,,{Amount},credited,2026-04-21,", $"{Ref(1)},,{Amount},credited,2026-01-21,",
            $"2026Q2-01-000003,,{Amount},rejected,,AC01")), "--as-of", "2026-04-22");
        Assert.Equal(3, r.ExitCode); // the first quarter's two payments still issued are overdue by 2026-04-22
        using (var db = ws.OpenDb())
        {
            var statuses = db.Payments.AsNoTracking().OrderBy(p => p.Reference).Select(p => new { p.Reference, p.Status }).ToList()
                .ToDictionary(p => p.Reference, p => p.Status);
            Assert.Equal(6, statuses.Count);
            Assert.Equal([PaymentStatus.Credited, PaymentStatus.Issued, PaymentStatus.Issued, PaymentStatus.Issued, PaymentStatus.Credited, PaymentStatus.Rejected],
                statuses.Values);
        }
        foreach (var q in new[] { "2026Q1", "2026Q2" })
            Assert.Equal(4, File.ReadAllLines(ws.Path_("out", q, "reconciliation.csv")).Length); // the header and the quarter's three payments
    }

    [Fact]
    public void Findings_that_no_quarter_with_payments_holds_are_shown_on_the_screen()
    {
        using var ws = new Workspace();
        var lines = Enumerable.Range(1, 22).Select(i => $"2026Q1-01-{i:000000},,{Amount},credited,2026-01-21,").ToArray();
        var r = ws.Run("reconcile", ws.Write("bank.csv", Csv(lines)), "--as-of", "2026-01-21", "--lang", "ru");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("  bank.csv:2  2026Q1-01-000001  UNKNOWN_REFERENCE  no payment 2026Q1-01-000001\n", r.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  bank.csv:21  2026Q1-01-000020  UNKNOWN_REFERENCE", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("2026Q1-01-000021", r.Out, StringComparison.Ordinal);
        Assert.Contains("… и ещё 2 (--json выводит все)", r.Out, StringComparison.Ordinal);
        Assert.Contains("поэтому findings.csv не записан", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("см. findings.csv", r.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.OutDir));
        using var json = JsonDocument.Parse(ws.Run("reconcile", ws.Path_("bank.csv"), "--as-of", "2026-01-21", "--json").Out);
        Assert.Equal(22, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal("no payment 2026Q1-01-000022", json.RootElement.GetProperty("findings")[21].GetProperty("detail").GetString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void The_same_confirmation_again_changes_nothing_and_a_contradiction_is_a_conflict(string provider)
    {
        var (ws, _) = Paid(provider);
        using var __ = ws;
        ws.RunOk("reconcile", ws.Write("a.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-21,")), "--as-of", "2026-01-21");
        var again = ws.RunOk("reconcile", ws.Write("b.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-21,")), "--as-of", "2026-01-21", "--json");
        using (var json = JsonDocument.Parse(again.Out))
            Assert.Equal(1, json.RootElement.GetProperty("alreadyRecorded").GetInt32());
        var conflict = ws.Run("reconcile", ws.Write("c.csv", Csv($"{Ref(1)},,{Amount},rejected,,AC01", $"{Ref(1)},,{Amount},credited,2026-01-22,")), "--as-of", "2026-01-21");
        Assert.Equal(3, conflict.ExitCode);
        Assert.Equal(["CONFLICT", "CONFLICT"], Findings(ws).Select(f => f[3]));
        var p = Payment(ws, 1);
        Assert.Equal((PaymentStatus.Credited, new DateOnly(2026, 1, 21)), (p.Status, p.CreditedOn!.Value));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Rerunning_overlapping_files_changes_nothing_and_keeps_each_line_once(string provider)
    {
        var (ws, _) = Paid(provider);
        using var __ = ws;
        var a = ws.Write("a.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-21,", $"{Ref(2)},,{Amount},rejected,,AC01"));
        var b = ws.Write("b.csv", Csv($"{Ref(2)},,{Amount},rejected,,AC01", $"{Ref(3)},,{Amount},credited,2026-01-22,"));
        ws.RunOk("reconcile", a, "--as-of", "2026-01-22");
        ws.RunOk("reconcile", a, b, "--as-of", "2026-01-22");
        var before = File.ReadAllBytes(ws.Path_("out", "2026Q1", "reconciliation.csv"));
        ws.RunOk("reconcile", b, a, "--as-of", "2026-01-22");
        Assert.Equal(before, File.ReadAllBytes(ws.Path_("out", "2026Q1", "reconciliation.csv")));
        using var trace = JsonDocument.Parse(ws.RunOk("payment", Ref(3), "--json").Out);
        var line = Assert.Single(trace.RootElement.GetProperty("confirmations").EnumerateArray());
        Assert.Equal(("b.csv", 3, "applied"), (line.GetProperty("file").GetString(), line.GetProperty("line").GetInt32(), line.GetProperty("outcome").GetString()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(b))), line.GetProperty("sha256").GetString());
        using var db = ws.OpenDb();
        Assert.Equal(3, db.Confirmations.Count(c => c.Outcome == "applied"));
        var kept = db.Confirmations.AsNoTracking().Single(c => c.Reference == Ref(3) && c.Outcome == "applied");
        Assert.Equal(("b.csv", 3), (kept.File, kept.Line));
        Assert.Equal(64, kept.FileSha256.Length);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_payment_still_issued_after_the_deadline_is_overdue(string provider)
    {
        var (ws, _) = Paid(provider, 1);
        using var __ = ws;
        var onTime = ws.Run("reconcile", ws.Write("none.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-20,")), "--as-of", "2026-01-27");
        Assert.Equal(0, onTime.ExitCode);
        var (ws2, _) = Paid(provider, 2);
        using var ___ = ws2;
        var r = ws2.Run("reconcile", ws2.Write("one.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-20,")), "--as-of", "2026-01-28");
        Assert.Equal(3, r.ExitCode);
        var f = Assert.Single(Findings(ws2));
        Assert.Equal(("", "", Ref(2), "OVERDUE"), (f[0], f[1], f[2], f[3]));
        Assert.Contains($"{Ref(2)},", File.ReadAllText(ws2.Path_("out", "2026Q1", "reconciliation.csv")), StringComparison.Ordinal);
        Assert.Contains(",issued,,,2026-01-27,overdue,", File.ReadAllText(ws2.Path_("out", "2026Q1", "reconciliation.csv")), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_pain002_with_mixed_statuses_credits_rejects_and_ignores_pending(string provider)
    {
        var (ws, _) = Paid(provider);
        using var __ = ws;
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>STS-1</MsgId><CreDtTm>2026-01-22T10:00:00+05:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>2026Q1-01-HSBKKZKX</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>2026Q1-01-HSBKKZKX</OrgnlPmtInfId>
                  <TxInfAndSts><OrgnlEndToEndId>{Ref(1)}</OrgnlEndToEndId><TxSts>ACSC</TxSts><AccptncDtTm>2026-01-21T09:15:00+05:00</AccptncDtTm></TxInfAndSts>
                  <TxInfAndSts><OrgnlEndToEndId>{Ref(2)}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
                  <TxInfAndSts><OrgnlEndToEndId>{Ref(3)}</OrgnlEndToEndId><TxSts>PDNG</TxSts></TxInfAndSts>
                  <TxInfAndSts><OrgnlEndToEndId>{Ref(3)}</OrgnlEndToEndId><TxSts>ACCC</TxSts></TxInfAndSts>
                </OrgnlPmtInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """;
        var file = ws.Write("status.xml", xml);
        using (var json = JsonDocument.Parse(ws.RunOk("reconcile", file, "--as-of", "2026-01-22", "--json").Out))
        {
            var read = json.RootElement.GetProperty("files")[0];
            Assert.Equal(("pain.002", 3), (read.GetProperty("kind").GetString(), read.GetProperty("lines").GetInt32()));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))), read.GetProperty("sha256").GetString());
        }
        Assert.Equal((PaymentStatus.Credited, new DateOnly(2026, 1, 21)), (Payment(ws, 1).Status, Payment(ws, 1).CreditedOn!.Value));
        Assert.Equal((PaymentStatus.Rejected, "AC04"), (Payment(ws, 2).Status, Payment(ws, 2).StatusReason));
        Assert.Equal((PaymentStatus.Credited, new DateOnly(2026, 1, 22)), (Payment(ws, 3).Status, Payment(ws, 3).CreditedOn!.Value)); // report's CreDtTm
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_camt054_with_several_entries_credits_booked_ones_compares_amounts_and_reverses(string provider)
    {
        var (ws, rows) = Paid(provider);
        using var __ = ws;
        string Tx(string e2e, string amount, string? iban = null, string extra = "") =>
            $"<TxDtls><Refs><EndToEndId>{e2e}</EndToEndId></Refs><Amt Ccy=\"KZT\">{amount}</Amt>" +
            (iban is null ? "" : $"<RltdPties><CdtrAcct><Id><IBAN>{iban}</IBAN></Id></CdtrAcct></RltdPties>") + extra + "</TxDtls>";
        string Entry(string status, string date, string txs, bool reversal = false) =>
            $"<Ntry><Amt Ccy=\"KZT\">1</Amt>{(reversal ? "<RvslInd>true</RvslInd>" : "")}<CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>{status}</Cd></Sts>" +
            $"<BookgDt><Dt>{date}</Dt></BookgDt><BkTxCd/><NtryDtls>{txs}</NtryDtls></Ntry>";
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>N-1</MsgId><CreDtTm>2026-01-23T18:00:00+05:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>N-1</Id><Acct><Id><IBAN>KZ28070KZT0000123456</IBAN></Id></Acct>
                  {Entry("BOOK", "2026-01-21", Tx(Ref(1), Amount, rows[0]["iban"]) + Tx("SOMETHING-ELSE", "5.00"))}
                  {Entry("PDNG", "2026-01-21", Tx(Ref(2), Amount))}
                  {Entry("BOOK", "2026-01-22", Tx(Ref(2), "100.00"))}
                  {Entry("BOOK", "2026-01-23", Tx(Ref(3), Amount, null, "<RtrInf><Rsn><Cd>AC06</Cd></Rsn></RtrInf>"), reversal: true)}
                </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """;
        var r = ws.Run("reconcile", ws.Write("notice.xml", xml), "--as-of", "2026-01-23");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(PaymentStatus.Credited, Payment(ws, 1).Status);
        Assert.Equal(PaymentStatus.Issued, Payment(ws, 2).Status);
        Assert.Equal((PaymentStatus.Rejected, "AC06"), (Payment(ws, 3).Status, Payment(ws, 3).StatusReason));
        Assert.Equal("AMOUNT_MISMATCH", Assert.Single(Findings(ws))[3]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_hostile_XML_with_an_external_entity_is_refused_without_being_resolved(string provider)
    {
        var (ws, _) = Paid(provider, 1);
        using var __ = ws;
        var secret = ws.Write("secret.txt", "2026Q1-01-000001");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-01-21T00:00:00</CreDtTm></GrpHdr>
            <OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>&xxe;</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
            """;
        var r = ws.Run("reconcile", ws.Write("evil.xml", xml), "--as-of", "2026-01-21");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("DTD is not allowed", r.Error, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Issued, Payment(ws, 1).Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_file_that_is_no_confirmation_is_refused_and_nothing_of_the_run_is_applied(string provider)
    {
        var (ws, _) = Paid(provider, 1);
        using var __ = ws;
        var good = ws.Write("good.csv", Csv($"{Ref(1)},,{Amount},credited,2026-01-21,"));
        var other = ws.Write("other.xml", "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>");
        Assert.Equal(2, ws.Run("reconcile", good, other).ExitCode);
        Assert.Equal(2, ws.Run("reconcile", good, ws.Write("bad.csv", Csv($"{Ref(1)},,{Amount},paid,2026-01-21,"))).ExitCode);
        Assert.Equal(PaymentStatus.Issued, Payment(ws, 1).Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Reissue_pays_a_rejected_payment_again_after_the_IBAN_was_corrected(string provider)
    {
        var (ws, rows) = Paid(provider, 2);
        using var __ = ws;
        ws.RunOk("reconcile", ws.Write("bank.csv", Csv($"{Ref(1)},,{Amount},rejected,,AC01", $"{Ref(2)},,{Amount},rejected,,AC04")), "--as-of", "2026-01-21");
        var nothing = ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-22", "--json");
        using (var json = JsonDocument.Parse(nothing.Out))
        {
            Assert.False(json.RootElement.GetProperty("created").GetBoolean());
            Assert.Equal(["bank details unchanged since the rejection", "bank details unchanged since the rejection"],
                json.RootElement.GetProperty("notReissued").EnumerateArray().Select(s => s.GetProperty("why").GetString()));
        }
        // JSON keeps the English reason for scripts; a person reads it in their language.
        var russian = ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-22", "--lang", "ru").Out;
        Assert.Contains($"не выплачен повторно {Ref(1)} (", russian, StringComparison.Ordinal);
        Assert.Contains("): банковские реквизиты не изменились после отклонения банком", russian, StringComparison.Ordinal);

        var corrected = Cases.MakeIban("722", 4242);
        rows[0]["iban"] = corrected;
        rows[0]["bank_bic"] = "CASPKZKA";
        ws.RunOk("import", "recipients", ws.Write("r2.csv", Cases.Csv(rows)));
        var run = ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-22", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("02", doc.RootElement.GetProperty("batch").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("count").GetInt32());
        var line = File.ReadAllLines(ws.Path_("out", "2026Q1", "02", "CASPKZKA.csv"))[1];
        Assert.StartsWith($"2026Q1-02-000001,{corrected},CASPKZKA,", line, StringComparison.Ordinal);
        using (var db = ws.OpenDb())
        {
            var old = db.Payments.AsNoTracking().Single(p => p.Reference == Ref(1));
            var replacement = db.Payments.AsNoTracking().Single(p => p.Reference == "2026Q1-02-000001");
            Assert.Equal(PaymentStatus.Rejected, old.Status);
            Assert.Equal(old.Id, replacement.ReplacesPaymentId);
            Assert.Equal(PaymentStatus.Issued, replacement.Status);
        }
        // The child is never paid twice: a second reissue and a run find nothing to pay.
        using (var again = JsonDocument.Parse(ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-23", "--all-rejected", "--json").Out))
            Assert.Equal(1, again.RootElement.GetProperty("count").GetInt32()); // only payment 2, re-issued as is
        using (var run2 = JsonDocument.Parse(ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-23", "--json").Out))
            Assert.Equal(0, run2.RootElement.GetProperty("count").GetInt32());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_rejected_payment_whose_replacement_was_cancelled_is_re_issued_again_and_one_with_a_live_replacement_is_not(string provider)
    {
        var (ws, _) = Paid(provider, 2);
        using var __ = ws;
        ws.RunOk("reconcile", ws.Write("bank.csv", Csv($"{Ref(1)},,{Amount},rejected,,AC01")), "--as-of", "2026-01-21");
        TestPki.WriteSettings(ws); // from here on a batch awaits two signatures, and can be cancelled
        int Reissued(string valueDate)
        {
            using var json = JsonDocument.Parse(ws.RunOk("reissue", "--quarter", "2026Q1", "--value-date", valueDate, "--all-rejected", "--json").Out);
            return json.RootElement.GetProperty("created").GetBoolean() ? json.RootElement.GetProperty("count").GetInt32() : 0;
        }
        Assert.Equal(1, Reissued("2026-01-22")); // 2026Q1-02, prepared
        Assert.Equal(0, Reissued("2026-01-22")); // its replacement is live
        ws.RunOk("cancel", "--batch", "2026Q1-02", "--reason", "wrong value date");
        Assert.Equal(1, Reissued("2026-01-23")); // the replacement never went out: 2026Q1-03
        using var db = ws.OpenDb();
        var old = Payment(ws, 1);
        var replacements = db.Payments.AsNoTracking().Where(p => p.ReplacesPaymentId == old.Id).OrderBy(p => p.Id).ToList();
        Assert.Equal([("2026Q1-02-000001", PaymentStatus.Cancelled), ("2026Q1-03-000001", PaymentStatus.Issued)],
            replacements.Select(p => (p.Reference, p.Status)));
        Assert.Equal(PaymentStatus.Issued, Payment(ws, 2).Status); // never rejected: never re-issued
    }
}
