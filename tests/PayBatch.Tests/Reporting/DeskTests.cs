using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Reporting;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reporting;

/// <summary><c>status</c>, <c>findings</c> and <c>certificates missing</c>: the accountant's desk.</summary>
public class DeskTests(SampleYearFixture year) : IClassFixture<SampleYearFixture>
{
    private Workspace Ws => year.Workspace;

    [Fact]
    public void Status_and_certificates_missing_match_their_golden_files_in_Russian_and_English()
    {
        var dir = Ws.Path_("desk");
        Directory.CreateDirectory(dir);
        foreach (var lang in new[] { "ru", "en" })
        {
            var status = Ws.Run("status", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--lang", lang);
            Assert.Equal(3, status.ExitCode);
            File.WriteAllText(Path.Combine(dir, $"status-2026Q1.{lang}.txt"), status.Out);
            Ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--lang", lang, "--file", Path.Combine(dir, $"missing-2026Q2.{lang}.md"));
        }
        Assert.Equal(3, Ws.Run("status", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--json").ExitCode);
        File.WriteAllText(Path.Combine(dir, "status-2026Q1.json"), Ws.Run("status", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--json").Out);
        Ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--format", "csv", "--file", Path.Combine(dir, "missing-2026Q2.csv"));
        File.WriteAllText(Path.Combine(dir, "missing-2026Q2.json"), Ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--json").Out);
        Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", "desk"), dir);
    }

    [Fact]
    public void Status_json_is_one_object_with_SPECs_fields()
    {
        var r = Ws.Run("status", "--quarter", "2026Q3", "--as-of", "2026-10-05", "--json");
        Assert.Equal(3, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        Assert.Equal(["quarter", "asOf", "registry", "batches", "payments", "overdue", "findings", "nextDeadline", "attention", "next", "reportDue"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["issued", "credited", "rejected", "returned", "cancelled"], root.GetProperty("payments").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["OVERDUE", "FINDINGS", "MISSING_CERTIFICATES"], root.GetProperty("attention").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("paybatch reconcile FILE…", root.GetProperty("next").GetString());
        Assert.Equal("2026-10-10", root.GetProperty("reportDue").GetString());
        Assert.Equal("2026-09-28", root.GetProperty("nextDeadline").GetString());
        var batch = root.GetProperty("batches")[0];
        Assert.Equal(("2026Q3-01", "released", "2026-09-21", "2026-09-28"),
            (batch.GetProperty("batch").GetString(), batch.GetProperty("state").GetString(), batch.GetProperty("valueDate").GetString(), batch.GetProperty("deadline").GetString()));
    }

    [Fact]
    public void Certificates_missing_lists_approved_cases_by_district_with_the_latest_certificate()
    {
        using var json = JsonDocument.Parse(Ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--json").Out);
        var missing = json.RootElement.GetProperty("missing").EnumerateArray().ToList();
        Assert.Equal(3, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(["C-0105", "C-0123", "C-0132"], missing.Select(m => m.GetProperty("caseId").GetString()));
        // The child's latest certificate, whichever quarter: by December both children brought Q3 and Q4 ones.
        Assert.All(missing, m => Assert.Equal("2026Q4", m.GetProperty("lastQuarter").GetString()));
        // Q3: C-0123's child is missing again; the suspended C-0102 is never listed.
        using var q3 = JsonDocument.Parse(Ws.RunOk("certificates", "missing", "--quarter", "2026Q3", "--json").Out);
        Assert.Equal(["C-0123"], q3.RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("caseId").GetString()));
    }

    [Fact]
    public void The_missing_list_is_grouped_by_district_then_case_id_in_ordinal_order()
    {
        RegistryCase Case(string id, string district, string child) => new(id, district, "Applicant " + id, child, "Child " + id, CaseStatus.Approved);
        var list = MissingCertificates.Compute(Quarter.Parse("2026Q2"),
            [Case("C-2", "Б", "2"), Case("C-10", "А", "10"), Case("C-1", "Б", "1"), Case("C-3", "А", "3") with { Status = CaseStatus.Terminated }, Case("C-9", "А", "9")],
            [new("9", "2026Q2", new DateOnly(2026, 4, 1), "S"), new("1", "2025Q4", new DateOnly(2025, 10, 1), "Old"), new("1", "2026Q1", new DateOnly(2026, 1, 9), "New")]);
        Assert.Equal(["C-10", "C-1", "C-2"], list.Select(m => m.CaseId));
        Assert.Equal(("2026Q1", "New"), (list[1].LastQuarter, list[1].LastSchool));
        Assert.Null(list[0].LastQuarter);
    }

    [Fact]
    public void The_csv_opens_in_Excel_and_no_cell_is_a_formula()
    {
        var bytes = MissingCertificatesWriter.Csv(
            [new("C-1", "=HYPERLINK(\"http://x\")", "+7 701", "-Ахметов", "2026Q1", "@school"), new("C-2", "Район", "\tTab", "Name", null, null)]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "case_id;district;applicant_name;child_name;last_quarter;last_school\n" +
            "C-1;\"'=HYPERLINK(\"\"http://x\"\")\";'+7 701;'-Ахметов;2026Q1;'@school\n" +
            "C-2;Район;'\tTab;Name;;\n", text);
    }
}

/// <summary>status exits 3 for each thing that needs a person, and names the one command to run next.</summary>
public class StatusAttentionTests
{
    private static string S(string f) => Path.Combine(Repo.Samples, f);

    /// <summary>Exit code, attention items (joined by ','), next command.</summary>
    private static (int Code, string Attention, string Next) Status(Workspace ws, string asOf)
    {
        var r = ws.Run("status", "--quarter", "2026Q1", "--as-of", asOf, "--json");
        using var json = JsonDocument.Parse(r.Out);
        return (r.ExitCode, string.Join(',', json.RootElement.GetProperty("attention").EnumerateArray().Select(a => a.GetString())),
            json.RootElement.GetProperty("next").GetString()!);
    }

    /// <summary>Every approved child certified before the first batch: nothing missing.</summary>
    private static Workspace Paid()
    {
        var ws = new Workspace();
        File.Copy(S("paybatch.json"), ws.Path_("paybatch.json"));
        ws.RunOk("import", "certificates", S("certificates-late.csv"));
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", S("recipients.csv"), "--certificates", S("certificates.csv"));
        return ws;
    }

    private static string Confirmations(Workspace ws, bool withUnknown)
    {
        using var db = ws.OpenDb();
        var sb = new StringBuilder("reference,iban,amount,status,credited_on,reason\n");
        foreach (var p in db.Payments.AsNoTracking().OrderBy(p => p.Reference).ToList())
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{p.Reference},{p.Iban},{new Tenge(p.AmountTiyn)},credited,2026-01-22,\n");
        if (withUnknown) sb.Append("2026Q1-01-000999,KZ459657536443023855,28112.50,credited,2026-01-22,\n");
        return ws.Write(withUnknown ? "with-unknown.csv" : "clean.csv", sb.ToString());
    }

    [Fact]
    public void Nothing_to_attend_exits_0_and_names_the_quarters_next_step()
    {
        using var ws = new Workspace();
        Assert.Equal((0, "", "paybatch run --quarter 2026Q1"), Status(ws, "2026-01-19"));
        using var paid = Paid();
        Assert.Equal((0, "", "paybatch reconcile FILE…"), Status(paid, "2026-01-21"));
    }

    [Fact]
    public void Certificates_missing_after_the_first_batch_exits_3()
    {
        using var ws = SampleQuarter.Create(reconcile: false);
        ws.RunOk("import", "recipients", ws.Write("new-case.csv", File.ReadAllText(S("recipients.csv")).Replace("C-0101,", "C-0199,", StringComparison.Ordinal)
            .Replace("110123687313", "090909090909", StringComparison.Ordinal)));
        Assert.Equal((3, "MISSING_CERTIFICATES", "paybatch certificates missing --quarter 2026Q1"), Status(ws, "2026-01-21"));
    }

    [Fact]
    public void Overdue_payments_exit_3()
    {
        using var ws = Paid();
        Assert.Equal((3, "OVERDUE", "paybatch reconcile FILE…"), Status(ws, "2026-01-28"));
    }

    [Fact]
    public void Findings_of_the_last_reconcile_exit_3_until_a_reconcile_without_them()
    {
        using var ws = Paid();
        Assert.Equal(3, ws.Run("reconcile", Confirmations(ws, withUnknown: true), "--as-of", "2026-01-23").ExitCode);
        Assert.Equal((3, "FINDINGS", "paybatch findings --quarter 2026Q1"), Status(ws, "2026-02-20"));
        using (var listed = JsonDocument.Parse(ws.RunOk("findings", "--quarter", "2026Q1", "--json").Out))
            Assert.Equal("UNKNOWN_REFERENCE", listed.RootElement.GetProperty("findings")[0].GetProperty("finding").GetString());

        ws.RunOk("reconcile", Confirmations(ws, withUnknown: false), "--as-of", "2026-01-23");
        Assert.Equal((0, "", "paybatch report --quarter 2026Q1"), Status(ws, "2026-02-20"));
    }

    [Fact]
    public void A_batch_awaiting_a_signature_comes_first_and_names_sign()
    {
        var calendar = Core.Domain.ReferenceData.Load(null).Calendar;
        var q = Quarter.Parse("2026Q1");
        BatchStatus Batch(string n, BatchState state) => new($"2026Q1-{n}", state, new DateOnly(2026, 1, 20), 1, new Tenge(2_811_250), new DateOnly(2026, 1, 27), []);
        var issued = new PaymentState(1, PaymentReference.Parse("2026Q1-01-000001"), "C-1", Iin.Parse("140315501021"), "D",
            Bic.Parse("NURSKZKX"), Iban.Parse(Cases.MakeIban("849", 1)), new Tenge(2_811_250), new DateOnly(2026, 1, 20), PaymentStatus.Issued, null, null, null);
        var s = QuarterStatus.Compute(q, new DateOnly(2026, 2, 20), 2, 1, [Batch("01", BatchState.Released), Batch("02", BatchState.Prepared)], [issued], 1, calendar);
        Assert.Equal(["AWAITING_SIGNATURE", "OVERDUE", "FINDINGS", "MISSING_CERTIFICATES"], s.Attention);
        Assert.Equal("paybatch sign --batch 2026Q1-02 --certificate KEY.p12", s.Next);
        // A payment of a batch not released is still issued after its deadline: overdue, as the report counts it
        // (SPEC: "a payment still issued after its deadline"), the signature first.
        var unsent = QuarterStatus.Compute(q, new DateOnly(2026, 2, 20), 1, 1, [Batch("01", BatchState.Prepared)], [issued with { Released = false }], 0, calendar);
        Assert.Equal(["AWAITING_SIGNATURE", "OVERDUE"], unsent.Attention);
        Assert.Equal((1, "paybatch sign --batch 2026Q1-01 --certificate KEY.p12"), (unsent.Overdue, unsent.Next));
        var early = QuarterStatus.Compute(q, new DateOnly(2026, 1, 27), 1, 1, [Batch("01", BatchState.Prepared)], [issued with { Released = false }], 0, calendar);
        Assert.Equal(["AWAITING_SIGNATURE"], early.Attention); // on the deadline itself: not yet
        Assert.Equal(0, early.Overdue);
    }
}
