using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reconciliation;

/// <summary>A confirmation with an impossible date or amount is bad input: exit 2, file, line, element, nothing applied.</summary>
public class HostileConfirmationTests
{
    private static Workspace Paid()
    {
        var ws = new Workspace();
        var rows = new[] { Cases.Row(1) };
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    private static void AssertRefused(Workspace ws, CliRun r, params string[] expected)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Error}");
        foreach (var e in expected) Assert.Contains(e, r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(Core.Domain.PaymentStatus.Issued, db.Payments.AsNoTracking().Single().Status);
        Assert.Equal(0, db.Confirmations.Count());
    }

    private static string Camt054(string bookedOn, string amount, string ccy = "KZT", string reversal = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>N-1</MsgId><CreDtTm>2026-01-23T18:00:00+05:00</CreDtTm></GrpHdr>
            <Ntfctn><Id>N-1</Id>
              <Ntry><Amt Ccy="KZT">{amount}</Amt>{reversal}<CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>{bookedOn}</Dt></BookgDt>
                <NtryDtls><TxDtls><Refs><EndToEndId>2026Q1-01-000001</EndToEndId></Refs>
                  <Amt Ccy="{ccy}">{amount}</Amt></TxDtls></NtryDtls></Ntry>
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>
        """;

    [Fact]
    public void A_camt054_booking_date_that_does_not_exist_is_refused_naming_the_element()
    {
        using var ws = Paid();
        var r = ws.Run("reconcile", ws.Write("notice.xml", Camt054("2026-02-30", "28112.50")), "--as-of", "2026-01-23");
        AssertRefused(ws, r, "notice.xml", "line 7", "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry/BookgDt/Dt", "'2026-02-30'");
    }

    [Fact]
    public void A_camt054_amount_too_large_for_any_payment_is_refused_naming_the_element()
    {
        using var ws = Paid();
        var r = ws.Run("reconcile", ws.Write("notice.xml", Camt054("2026-01-21", "99999999999999999999999.00")), "--as-of", "2026-01-23");
        AssertRefused(ws, r, "notice.xml", "line 9", "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry/NtryDtls/TxDtls/Amt");
    }

    /// <summary>
    /// A folder where reconcile writes reconciliation.csv is refused before the commit (it failed the rename after the
    /// statuses were kept: exit 1, saying nothing was kept); a run's bank file likewise.
    /// </summary>
    [Fact]
    public void A_folder_in_the_place_of_an_output_file_is_refused_before_anything_is_kept()
    {
        using var ws = Paid();
        Directory.CreateDirectory(ws.Path_("out", "2026Q1", "reconciliation.csv", "x"));
        var r = ws.Run("reconcile", ws.Write("c.csv", "reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,,28112.50,credited,2026-01-21,\n"), "--as-of", "2026-01-23");
        AssertRefused(ws, r, ws.Path_("out", "2026Q1", "reconciliation.csv"), "is a folder where PayBatch writes a file");

        using var other = new Workspace();
        var rows = new[] { Cases.Row(1) };
        Directory.CreateDirectory(other.Path_("out", "2026Q1", "01", "HSBKKZKX.csv"));
        var run = other.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", other.Write("r.csv", Cases.Csv(rows)), "--certificates", other.Write("c.csv", Cases.Certificates(rows)));
        Assert.True(run.ExitCode == 2, run.Error);
        using var db = other.OpenDb();
        Assert.Empty(db.Batches);
    }

    /// <summary>An amount in another currency credited a KZT payment.</summary>
    [Fact]
    public void A_camt054_amount_in_another_currency_is_refused_naming_the_element()
    {
        using var ws = Paid();
        var r = ws.Run("reconcile", ws.Write("notice.xml", Camt054("2026-01-21", "28112.50", ccy: "USD")), "--as-of", "2026-01-23");
        AssertRefused(ws, r, "notice.xml", "line 9", "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry/NtryDtls/TxDtls/Amt", "is not in KZT");
    }

    /// <summary>xs:boolean's 1 is true: a reversal written <c>1</c> rejects the payment (it credited it).</summary>
    [Fact]
    public void A_camt054_reversal_written_1_rejects_and_one_neither_true_nor_false_is_refused()
    {
        using var ws = Paid();
        Assert.Equal(0, ws.Run("reconcile", ws.Write("notice.xml", Camt054("2026-01-21", "28112.50", reversal: "<RvslInd>1</RvslInd>")), "--as-of", "2026-01-23").ExitCode);
        using (var db = ws.OpenDb()) Assert.Equal(Core.Domain.PaymentStatus.Rejected, db.Payments.AsNoTracking().Single().Status);

        using var other = Paid();
        var r = other.Run("reconcile", other.Write("notice.xml", Camt054("2026-01-21", "28112.50", reversal: "<RvslInd>yes</RvslInd>")), "--as-of", "2026-01-23");
        AssertRefused(other, r, "notice.xml", "RvslInd", "is not true or false");
    }

    [Fact]
    public void A_pain002_acceptance_date_that_does_not_exist_is_refused_not_replaced_by_the_report_date()
    {
        using var ws = Paid();
        var xml = """
            <?xml version="1.0"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
            <GrpHdr><MsgId>1</MsgId><CreDtTm>2026-01-21T00:00:00</CreDtTm></GrpHdr>
            <OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>2026Q1-01-000001</OrgnlEndToEndId><TxSts>ACSC</TxSts>
            <AccptncDtTm>2026-02-30T10:00:00</AccptncDtTm></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
            """;
        var r = ws.Run("reconcile", ws.Write("status.xml", xml), "--as-of", "2026-01-23");
        AssertRefused(ws, r, "status.xml", "line 5", "AccptncDtTm");
    }

    [Fact]
    public void A_csv_amount_too_large_for_any_payment_is_refused_naming_the_column()
    {
        using var ws = Paid();
        var file = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,,99999999999999999999999.00,credited,2026-01-21,\n");
        AssertRefused(ws, ws.Run("reconcile", file, "--as-of", "2026-01-23"), "bank.csv", "line 2, column 'amount' (3)");
    }
}

/// <summary>
/// A CSV of confirmations is checked whole, then read again as it is matched: a file changed between the two
/// readings is refused, not half matched (the second reading checks the file's hash first).
/// </summary>
public class ConfirmationFileChangeTests
{
    [Fact]
    public void A_csv_changed_between_its_check_and_its_matching_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("paybatch-changed-");
        try
        {
            var path = Path.Combine(dir.FullName, "bank.csv");
            const string header = "reference,iban,amount,status,credited_on,reason\n";
            File.WriteAllText(path, header + "2026Q1-01-000001,,28112.50,credited,2026-01-22,\n");
            var file = Core.Reconciliation.ConfirmationReader.Read(path);
            Assert.Equal(1, file.Count);
            Assert.Single(file.Lines); // unchanged: read again as it was checked

            File.WriteAllText(path, header + "2026Q1-01-000001,,28112.50,credited,2026-01-23,\n");
            var e = Assert.Throws<Core.Import.InputFileException>(() => file.Lines.ToList());
            Assert.Contains("the file changed while it was read", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
