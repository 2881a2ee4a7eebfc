using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// The big reads by hand (<see cref="PlainReads"/>) read what EF reads from the same rows, on every provider:
/// every field of every case, nulls included, and the same children in each set.
/// </summary>
public class PlainReadsTests
{
    private static CaseRow Case(int i, string childIin, CaseStatus status, bool nulls) => new()
    {
        CaseId = $"C-{i:000}", District = $"district {i}", ApplicantIin = $"applicant {i}", ApplicantName = $"Әсел {i}",
        ApplicantRole = nulls ? ApplicantRole.Parent : ApplicantRole.Guardian, GuardianshipRef = nulls ? null : $"ref {i}", ChildIin = childIin,
        ChildName = $"child {i}", ChildBirthDate = new DateOnly(2014, 3, i), ApplicationDate = new DateOnly(2025, 8, i), DecisionNo = $"decision {i}",
        DecisionDate = new DateOnly(2025, 9, i), DisabilityCertNo = $"cert {i}", DisabilityValidTo = nulls ? null : new DateOnly(2027, 1, i),
        HomeEducationFrom = new DateOnly(2025, 10, i), HomeEducationTo = nulls ? null : new DateOnly(2026, 6, i),
        StudyEndDate = nulls ? null : new DateOnly(2026, 5, i), BankBic = $"bic {i}", Iban = $"iban {i}", Status = status,
    };

    private static PaymentRow Payment(long batchId, int i, string quarter, string childIin, PaymentStatus status) => new()
    {
        BatchId = batchId, Reference = $"{quarter}-01-{i:000000}", Quarter = quarter, Sequence = i, CaseId = $"C-{i:000}", District = "d",
        ChildIin = childIin, ApplicantIin = "a", ApplicantName = "n", Iban = "iban", Bic = "bic", AmountTiyn = 2811250, Status = status,
        CreditedOn = status == PaymentStatus.Credited ? new DateOnly(2026, 1, 22) : null,
        StatusReason = status == PaymentStatus.Rejected ? "AC01" : null, ReplacesPaymentId = null,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Cases_and_the_sets_of_children_read_as_EF_reads_them(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        using var db = ws.OpenDb();
        // Twelve digits become numbers in the sets; anything else stays text, and a leading zero or a space is kept.
        string[] children = ["140315501021", "040315501021", "14031550102X", " 140315501021", "150101600012"];
        db.Cases.AddRange(
            Case(1, children[0], CaseStatus.Approved, nulls: false),
            Case(2, children[0], CaseStatus.Approved, nulls: true),      // the same child in two approved cases
            Case(3, children[1], CaseStatus.Approved, nulls: false),
            Case(4, children[1], CaseStatus.Suspended, nulls: true),     // … in one approved and one suspended: not repeated
            Case(5, children[2], CaseStatus.Approved, nulls: false),
            Case(6, children[2], CaseStatus.Approved, nulls: true),      // a text IIN repeated
            Case(7, children[3], CaseStatus.Terminated, nulls: false),
            Case(8, children[4], CaseStatus.Approved, nulls: true));
        db.Certificates.AddRange(
            new CertificateRow { ChildIin = children[0], Quarter = "2026Q1", CertificateNo = "1", IssuedOn = new DateOnly(2026, 1, 5), School = "s" },
            new CertificateRow { ChildIin = children[2], Quarter = "2026Q1", CertificateNo = "2", IssuedOn = new DateOnly(2026, 1, 5), School = "s" },
            new CertificateRow { ChildIin = children[3], Quarter = "2026Q2", CertificateNo = "3", IssuedOn = new DateOnly(2026, 4, 5), School = "s" });
        var batch = new BatchRow
        {
            Quarter = "2026Q1", Number = 1, Kind = BatchKind.Run, ValueDate = new DateOnly(2026, 1, 20), Mrp = 4325, Coefficient = 6.5m,
            AmountPerChildTiyn = 2811250, Count = 3, TotalTiyn = 3 * 2811250, WrittenWith = "{}", State = BatchState.Released, CreatedAtUtc = new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc),
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        db.Payments.AddRange(
            Payment(batch.Id, 1, "2026Q1", children[0], PaymentStatus.Credited),
            Payment(batch.Id, 2, "2026Q1", children[2], PaymentStatus.Rejected),   // not live, but a payment: the child counts as paid
            Payment(batch.Id, 3, "2026Q1", children[1], PaymentStatus.Cancelled),  // cancelled: not paid
            Payment(batch.Id, 4, "2026Q2", children[4], PaymentStatus.Issued));    // another quarter
        await db.SaveChangesAsync();
        var rejected = db.Payments.Single(p => p.Sequence == 2).Id;
        db.Payments.Add(Payment(batch.Id, 5, "2026Q1", children[2], PaymentStatus.Issued));
        await db.SaveChangesAsync();
        db.Payments.Single(p => p.Sequence == 5).ReplacesPaymentId = rejected;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var byEf = db.Cases.AsNoTracking().AsEnumerable().Select(CaseMapping.ToDomain).OrderBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        var plain = PlainReads.Cases(db).OrderBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        Assert.Equal(8, plain.Count);
        Assert.Equal(byEf, plain); // records: field by field

        string[] probes = [.. children, "140315501022", "40315501021", ""];
        void Same(ChildIins set, IEnumerable<string> expected)
        {
            var texts = expected.ToHashSet(StringComparer.Ordinal);
            Assert.All(probes, p => Assert.True(texts.Contains(p) == set.Contains(p), $"'{p}': expected {texts.Contains(p)}"));
            Assert.Equal(texts.Count, set.Count);
        }
        Same(PlainReads.ChildrenWithPayments(db, "2026Q1"), db.Payments.AsNoTracking().Where(p => p.Quarter == "2026Q1" && p.Status != PaymentStatus.Cancelled).Select(p => p.ChildIin).ToList());
        Same(PlainReads.CertifiedChildren(db, "2026Q1"), db.Certificates.AsNoTracking().Where(c => c.Quarter == "2026Q1").Select(c => c.ChildIin).ToList());
        Same(PlainReads.ChildrenInSeveralApprovedCases(db),
            db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Approved).AsEnumerable().GroupBy(c => c.ChildIin).Where(g => g.Count() > 1).Select(g => g.Key).ToList());
        Assert.Equal(2, PlainReads.ChildrenInSeveralApprovedCases(db).Count);

        // The payments with their batch's value date and state, in reference order, as reconcile and the report read them.
        foreach (string[] quarters in new[] { ["2026Q1", "2026Q2"], ["2026Q1"], ["2025Q4"], Array.Empty<string>() })
        {
            var expected = quarters.Length == 0 ? [] : db.PaymentViews(quarters).ToList();
            Assert.Equal(expected, PlainReads.PaymentViews(db, quarters).ToList());
        }
        Assert.Equal(5, PlainReads.PaymentViews(db, ["2026Q1", "2026Q2"]).Count());
        Assert.Contains(PlainReads.PaymentViews(db, ["2026Q1"]), v => v.ReplacesPaymentId == rejected);
        Assert.Contains(PlainReads.PaymentViews(db, ["2026Q1"]), v => v.CreditedOn == new DateOnly(2026, 1, 22) && v.BatchState == BatchState.Released);
    }

    [Fact]
    public void A_SQLite_database_made_elsewhere_with_UTF16_text_gives_the_same_children()
    {
        using var ws = new Workspace();
        using (var made = new Microsoft.Data.Sqlite.SqliteConnection(ws.ConnectionString))
        {
            made.Open();
            using var command = made.CreateCommand();
            command.CommandText = "PRAGMA encoding = 'UTF-16le'; CREATE TABLE made_elsewhere (x); DROP TABLE made_elsewhere;";
            command.ExecuteNonQuery();
        }
        ws.RunOk("init");
        using var db = ws.OpenDb();
        db.Certificates.AddRange(
            new CertificateRow { ChildIin = "140315501021", Quarter = "2026Q1", CertificateNo = "1", IssuedOn = new DateOnly(2026, 1, 5), School = "s" },
            new CertificateRow { ChildIin = "14031550102X", Quarter = "2026Q1", CertificateNo = "2", IssuedOn = new DateOnly(2026, 1, 5), School = "s" });
        db.SaveChanges();
        Assert.Equal("UTF-16le", db.Database.SqlQueryRaw<string>("SELECT encoding AS \"Value\" FROM pragma_encoding").Single());
        var set = PlainReads.CertifiedChildren(db, "2026Q1");
        Assert.Equal(2, set.Count);
        Assert.True(set.Contains("140315501021"));
        Assert.True(set.Contains("14031550102X"));
    }

    [Theory]
    [InlineData("2026-01-20", 2026, 1, 20)]
    [InlineData("0001-12-31", 1, 12, 31)]
    public void A_stored_date_is_read_digit_by_digit(string text, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), PlainReads.IsoDate(text));

    [Theory]
    [InlineData("2026-1-20")]
    [InlineData("2026-01-20 00:00:00")]
    [InlineData("2026/01/20")]
    [InlineData("2026-13-01")]
    [InlineData("2026-0a-01")]
    public void Anything_else_is_corrupt_data(string text) =>
        Assert.ThrowsAny<Exception>(() => PlainReads.IsoDate(text));
}
