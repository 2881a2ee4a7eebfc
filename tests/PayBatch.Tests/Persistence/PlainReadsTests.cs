using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// The big reads by hand (<see cref="PlainReads"/>) read what EF reads from the same rows, on every provider:
/// every field of every case, nulls and an empty text included, and the same children in each set.
/// </summary>
public class PlainReadsTests
{
    private static CaseRow Case(int i, string childIin, CaseStatus status, bool nulls) => new()
    {
        CaseId = $"C-{i:000}", District = i == 3 ? "" : $"district {i}", ApplicantIin = $"applicant {i}", ApplicantName = $"Әсел {i}",
        ApplicantRole = nulls ? ApplicantRole.Parent : ApplicantRole.Guardian, GuardianshipRef = nulls ? null : $"ref {i}", ChildIin = childIin,
        ChildName = $"child {i}", ChildBirthDate = new DateOnly(2014, 3, i), ApplicationDate = new DateOnly(2025, 8, i), DecisionNo = $"decision {i}",
        DecisionDate = new DateOnly(2025, 9, i), DisabilityCertNo = $"cert {i}", DisabilityValidTo = nulls ? null : new DateOnly(2027, 1, i),
        HomeEducationFrom = new DateOnly(2025, 10, i), HomeEducationTo = nulls ? null : new DateOnly(2026, 6, i),
        StudyEndDate = nulls ? null : new DateOnly(2026, 5, i), BankBic = $"bic {i}", Iban = $"iban {i}", Status = status,
    };

    /// <summary>A run batch of three payments, valued on the 19th of January plus its number.</summary>
    private static BatchRow Batch(string quarter, int number, BatchState state) => new()
    {
        Quarter = quarter, Number = number, Kind = BatchKind.Run, ValueDate = new DateOnly(2026, 1, 19 + number), Mrp = 4325, Coefficient = 6.5m,
        AmountPerChildTiyn = 2811250, Count = 3, TotalTiyn = 3 * 2811250, WrittenWith = "{}", State = state, CreatedAtUtc = new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc),
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
        var batch = Batch("2026Q1", 1, BatchState.Released);
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        db.Payments.AddRange(
            Payment(batch.Id, 1, "2026Q1", children[0], PaymentStatus.Credited),
            Payment(batch.Id, 2, "2026Q1", children[2], PaymentStatus.Rejected),   // not live, but a payment: the child counts as paid
            Payment(batch.Id, 3, "2026Q1", children[1], PaymentStatus.Cancelled),  // cancelled: not paid
            Payment(batch.Id, 4, "2026Q2", children[4], PaymentStatus.Issued));    // another quarter
        await db.SaveChangesAsync();
        db.Payments.Add(Payment(batch.Id, 5, "2026Q1", children[2], PaymentStatus.Issued));
        await db.SaveChangesAsync();
        db.Payments.Single(p => p.Sequence == 5).ReplacesPaymentId = db.Payments.Single(p => p.Sequence == 2).Id;
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
        Same(PlainReads.LiveChildren(db, "2026Q1"), db.Payments.AsNoTracking().Where(p => p.Quarter == "2026Q1").AsEnumerable().Where(p => p.Status.IsLive()).Select(p => p.ChildIin).ToList());
        Assert.Equal(2, PlainReads.LiveChildren(db, "2026Q1").Count); // credited, and the issued replacement of the rejected one
        Same(PlainReads.CertifiedChildren(db, "2026Q1"), db.Certificates.AsNoTracking().Where(c => c.Quarter == "2026Q1").Select(c => c.ChildIin).ToList());
        Same(PlainReads.ChildrenInSeveralApprovedCases(db),
            db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Approved).AsEnumerable().GroupBy(c => c.ChildIin).Where(g => g.Count() > 1).Select(g => g.Key).ToList());
        Assert.Equal(2, PlainReads.ChildrenInSeveralApprovedCases(db).Count);
    }

    /// <summary>
    /// The payments with their batch's value date and state, in reference order, as reconcile, the report and the workbook
    /// hold them: parsed from the characters read, they equal the stored texts parsed one by one. A district longer than the
    /// buffer the characters are read into, Cyrillic (two bytes a letter), districts and BICs repeated, nulls and a prepared batch.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Payments_read_as_their_stored_texts_parse(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        using var db = ws.OpenDb();
        var (released, prepared, other) = (Batch("2026Q1", 1, BatchState.Released), Batch("2026Q1", 2, BatchState.Prepared), Batch("2026Q2", 1, BatchState.Released));
        db.Batches.AddRange(released, prepared, other);
        await db.SaveChangesAsync();
        var longDistrict = string.Concat(Enumerable.Repeat("Сарыаркинский ", 5)) + "район"; // 145 bytes
        PaymentRow Payment(BatchRow batch, int i, PaymentStatus status, string district, string bic) => new()
        {
            BatchId = batch.Id, Reference = $"{batch.Quarter}-{batch.Number:00}-{i:000000}", Quarter = batch.Quarter, Sequence = i, CaseId = $"C-{i:000}",
            District = district, ChildIin = Cases.MakeIin(new DateOnly(2014, 3, i)), ApplicantIin = Cases.MakeIin(new DateOnly(1985, 1, i), female: true),
            ApplicantName = "Қасымова Гүлнар", Iban = Cases.MakeIban("601", 1000 + i), Bic = bic, AmountTiyn = 2811250 + i, Status = status,
            CreditedOn = status == PaymentStatus.Credited ? new DateOnly(2026, 1, 22) : null,
            StatusReason = status == PaymentStatus.Rejected ? "AC01" : null,
        };
        db.Payments.AddRange(
            Payment(released, 2, PaymentStatus.Rejected, "Есильский район", "HSBKKZKX"),
            Payment(released, 1, PaymentStatus.Credited, longDistrict, "HSBKKZKX"),
            Payment(released, 3, PaymentStatus.Issued, "Есильский район", "CASPKZKA"),
            Payment(prepared, 4, PaymentStatus.Issued, longDistrict, "HSBKKZKX"),
            Payment(other, 5, PaymentStatus.Cancelled, "", "IRTYKZKA"));
        await db.SaveChangesAsync();
        var rejected = db.Payments.Single(p => p.Sequence == 2).Id;
        db.Payments.Single(p => p.Sequence == 4).ReplacesPaymentId = rejected;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        foreach (string[] quarters in new[] { ["2026Q1", "2026Q2"], ["2026Q1"], ["2025Q4"], Array.Empty<string>() })
        {
            var expected = quarters.Length == 0 ? [] : (
                from p in db.Payments.AsNoTracking()
                where quarters.Contains(p.Quarter)
                join b in db.Batches.AsNoTracking() on p.BatchId equals b.Id
                orderby p.Reference
                select new { p, b.ValueDate, b.State }).AsEnumerable().Select(x => new PaymentState(x.p.Id, PaymentReference.Parse(x.p.Reference),
                    x.p.CaseId, Iin.Parse(x.p.ChildIin), x.p.District, Bic.Parse(x.p.Bic), Iban.Parse(x.p.Iban), new Tenge(x.p.AmountTiyn), x.ValueDate,
                    x.p.Status, x.p.CreditedOn, x.p.StatusReason, x.p.ReplacesPaymentId, x.State == BatchState.Released)).ToList();
            Assert.Equal(expected, PlainReads.PaymentStates(db, quarters).ToList()); // records: field by field
        }
        var read = PlainReads.PaymentStates(db, ["2026Q1", "2026Q2"]).ToList();
        Assert.Equal(["2026Q1-01-000001", "2026Q1-01-000002", "2026Q1-01-000003", "2026Q1-02-000004", "2026Q2-01-000005"], read.Select(p => p.Reference.ToString()));
        Assert.Equal(longDistrict, read[0].District);
        Assert.Same(read[0].District, read[3].District); // a repeated text is one string
        Assert.Same(read[1].District, read[2].District);
        Assert.Equal([true, true, true, false, true], read.Select(p => p.Released));
        Assert.Equal(rejected, read[3].ReplacesPaymentId);
        Assert.Equal(("AC01", new DateOnly(2026, 1, 22)), (read[1].Reason, read[0].CreditedOn!.Value));
    }

    /// <summary>Every field of a row (dates with their kind), for rows that are classes, not records.</summary>
    private static string Fields(object row) => string.Join("|", row.GetType().GetProperties()
        .Where(p => !p.PropertyType.IsGenericType || Nullable.GetUnderlyingType(p.PropertyType) is not null)
        .Select(p => p.GetValue(row) switch
        {
            DateTime d => $"{p.Name}={d:O}/{d.Kind}",
            var v => $"{p.Name}={Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)}",
        }));

    private static BatchRow Batch(string quarter, int number, BatchKind kind, BatchState state, bool nulls) => new()
    {
        Quarter = quarter, Number = number, Kind = kind, ValueDate = new DateOnly(2026, 1, 19 + number), Mrp = 4325, Coefficient = 6.5m,
        AmountPerChildTiyn = 2811250, Count = number, TotalTiyn = number * 2811250L, Excluded = number - 1, WrittenWith = $"{{\"n\":{number}}}",
        CreatedAtUtc = new DateTime(2026, 1, 19, 9, number, 7, 123, DateTimeKind.Utc), State = state, PreparedBy = $"user {number}",
        PreparedByDbLogin = nulls ? null : "login", ReleasedAtUtc = nulls ? null : new DateTime(2026, 1, 20, 10, 0, 0, DateTimeKind.Utc),
        CancelReason = nulls ? null : "why", CancelledBy = nulls ? null : "who", CancelledAtUtc = nulls ? null : new DateTime(2026, 1, 21, 11, 30, 0, DateTimeKind.Utc),
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_reads_of_history_status_and_report_read_as_EF_reads_them(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        ws.RunOk("history"); // two audit entries: init's and history's
        using var db = ws.OpenDb();
        db.Cases.AddRange(
            Case(1, "140315501021", CaseStatus.Approved, nulls: false),
            Case(2, "040315501021", CaseStatus.Approved, nulls: true),
            Case(3, "150101600012", CaseStatus.Suspended, nulls: false),
            Case(4, "160101600013", CaseStatus.Approved, nulls: true));
        db.Cases.Local.Single(c => c.CaseId == "C-004").DecisionDate = new DateOnly(2026, 4, 1); // decided after 2026Q1
        db.Certificates.AddRange(
            new CertificateRow { ChildIin = "140315501021", Quarter = "2026Q1", CertificateNo = "1", IssuedOn = new DateOnly(2026, 1, 5), School = "s" },
            new CertificateRow { ChildIin = "150101600012", Quarter = "2026Q1", CertificateNo = "2", IssuedOn = new DateOnly(2026, 1, 5), School = "s" },
            new CertificateRow { ChildIin = "040315501021", Quarter = "2026Q2", CertificateNo = "3", IssuedOn = new DateOnly(2026, 4, 5), School = "s" });
        var run1 = Batch("2026Q1", 1, BatchKind.Run, BatchState.Released, nulls: true);
        var reissue = Batch("2026Q1", 2, BatchKind.Reissue, BatchState.Prepared, nulls: false);
        var run3 = Batch("2026Q1", 3, BatchKind.Run, BatchState.Cancelled, nulls: false);
        var legacy = Batch("2026Q1", 4, BatchKind.Reissue, PayBatchDb.NoState, nulls: true); // no state given: the database's default
        var other = Batch("2026Q2", 1, BatchKind.Run, BatchState.Released, nulls: true);
        db.Batches.AddRange(run1, reissue, run3, legacy, other);
        await db.SaveChangesAsync();
        var signed = new DateTime(2026, 1, 19, 12, 0, 0, DateTimeKind.Utc);
        db.BatchSignatures.AddRange(
            new BatchSignatureRow { BatchId = run1.Id, Role = "second", Iin = "1", Name = "Иманова", Thumbprint = "aa", SignedAtUtc = signed, SignedBy = "u" },
            new BatchSignatureRow { BatchId = run1.Id, Role = "first", Iin = "2", Name = "Сейткали", Thumbprint = "bb", SignedAtUtc = signed.AddMinutes(1), SignedBy = "u" },
            new BatchSignatureRow { BatchId = reissue.Id, Role = "first", Iin = "2", Name = "Сейткали", Thumbprint = "cc", SignedAtUtc = signed, SignedBy = "v" },
            new BatchSignatureRow { BatchId = other.Id, Role = "first", Iin = "3", Name = "x", Thumbprint = "dd", SignedAtUtc = signed, SignedBy = "w" });
        db.Exclusions.AddRange(
            new ExclusionRow { BatchId = run1.Id, Quarter = "2026Q1", CaseId = "C-003", ChildIin = "150101600012", Reasons = "NOT_APPROVED" },
            new ExclusionRow { BatchId = run3.Id, Quarter = "2026Q1", CaseId = "C-004", ChildIin = "160101600013", Reasons = "NO_CERTIFICATE;NOT_APPROVED" },
            new ExclusionRow { BatchId = run3.Id, Quarter = "2026Q1", CaseId = "C-002", ChildIin = "040315501021", Reasons = "NO_CERTIFICATE" });
        db.Payments.AddRange(
            Payment(run1.Id, 1, "2026Q1", "140315501021", PaymentStatus.Credited),
            Payment(run1.Id, 2, "2026Q1", "040315501021", PaymentStatus.Rejected),
            Payment(other.Id, 3, "2026Q2", "150101600012", PaymentStatus.Issued));
        await db.SaveChangesAsync();
        var payments = db.Payments.OrderBy(p => p.Sequence).Select(p => p.Id).ToList();
        var read = new DateTime(2026, 1, 22, 8, 0, 0, DateTimeKind.Utc);
        ConfirmationRow Confirmation(int line, long payment, string outcome) => new()
        {
            File = "bank.csv", FileSha256 = "f", Line = line, Reference = $"r{line}", PaymentId = payment, Status = "credited", Outcome = outcome, ReadAtUtc = read,
        };
        db.Confirmations.AddRange(
            Confirmation(1, payments[0], "AMOUNT_MISMATCH"), Confirmation(2, payments[0], "AMOUNT_MISMATCH"), Confirmation(3, payments[1], "IBAN_MISMATCH"),
            Confirmation(4, payments[1], "applied"), Confirmation(5, payments[2], "AMOUNT_MISMATCH"));
        StatementEntryRow Entry(int line, string kind, long? batch, long amount) => new()
        {
            EntryKey = $"k{line}", File = "st.xml", FileSha256 = "s", Line = line, Location = "/", Kind = kind, Reference = "2026Q1-01", BatchId = batch,
            AmountTiyn = amount, Outcome = "debited", ReadAtUtc = read,
        };
        db.StatementEntries.AddRange(Entry(1, "debit", run1.Id, 2811250), Entry(2, "debit", run1.Id, 2811250), Entry(3, "return", run1.Id, 2811250),
            Entry(4, "debit", reissue.Id, 100), Entry(5, "debit", null, 7), Entry(6, "debit", other.Id, 5));
        db.ReconcileFindings.AddRange(
            new ReconcileFindingRow { Quarter = "2026Q1", File = "bank.csv", Line = 1, Reference = "r1", Code = "AMOUNT_MISMATCH", Detail = "d", ReconciledAtUtc = read },
            new ReconcileFindingRow { Quarter = "2026Q1", File = "bank.csv", Reference = "r2", Code = "UNKNOWN_REFERENCE", Detail = "d", ReconciledAtUtc = read },
            new ReconcileFindingRow { Quarter = "2026Q2", File = "bank.csv", Reference = "r3", Code = "AMOUNT_MISMATCH", Detail = "d", ReconciledAtUtc = read });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // A connection of its own, as the commands that only read use it, and
        using var plain = await PlainDb.OpenAsync(ws.Provider, ws.ConnectionString, CancellationToken.None);
        // EF's too (each side read whole first: one connection runs one command at a time on PostgreSQL)
        foreach (var source in new[] { plain, (PlainDb)db })
        {
            Assert.Equal(db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(1).AsEnumerable().Select(Fields).ToList(),
                PlainReads.History(source, 1).Select(Fields).ToList());
            var history = PlainReads.History(source, 50).ToList();
            Assert.Equal(2, history.Count);
            Assert.Equal(db.Audit.AsNoTracking().OrderByDescending(a => a.Id).AsEnumerable().Select(Fields).ToList(), history.Select(Fields).ToList());
            Assert.Empty(PlainReads.History(source, 0));

            Assert.Equal(db.Cases.Count(c => c.Status == CaseStatus.Approved), PlainReads.ApprovedCases(source));
            foreach (var quarter in new[] { "2026Q1", "2026Q2", "2025Q4" })
            {
                Assert.Equal(db.Cases.Count(c => c.Status == CaseStatus.Approved && !db.Certificates.Any(x => x.ChildIin == c.ChildIin && x.Quarter == quarter)),
                    PlainReads.ApprovedCasesWithoutCertificate(source, quarter));
                Assert.Equal(db.ReconcileFindings.Count(f => f.Quarter == quarter), PlainReads.FindingsOf(source, quarter));
                Assert.Equal(db.Payments.Count(p => p.Quarter == quarter), PlainReads.PaymentsOf(source, quarter));
                Assert.Equal(db.Batches.AsNoTracking().Where(b => b.Quarter == quarter).OrderBy(b => b.Number).AsEnumerable().Select(Fields).ToList(),
                    PlainReads.BatchHeadsOfQuarter(source, quarter).Select(Fields).ToList());
                Assert.Equal(db.Batches.Where(b => b.Quarter == quarter && b.Kind == BatchKind.Run).OrderByDescending(b => b.Number).Select(b => (long?)b.Id).FirstOrDefault(),
                    PlainReads.LatestRunBatch(source, quarter));
                Assert.Equal(
                    (from c in db.Confirmations join p in db.Payments on c.PaymentId equals p.Id
                     where p.Quarter == quarter && (c.Outcome == "AMOUNT_MISMATCH" || c.Outcome == "IBAN_MISMATCH") select p.Id).Distinct().OrderBy(id => id).ToList(),
                    PlainReads.PaymentsNamedInMismatch(source, quarter).Order().ToList());
            }
            foreach (long[] ids in new[] { [run1.Id, reissue.Id, other.Id], [run3.Id], [legacy.Id, run1.Id], Array.Empty<long>() })
            {
                Assert.Equal(db.BatchSignatures.AsNoTracking().Where(s => ids.Contains(s.BatchId)).OrderBy(s => s.BatchId).ThenBy(s => s.Role).AsEnumerable().Select(Fields).ToList(),
                    PlainReads.Signatures(source, ids).Select(Fields).ToList());
                Assert.Equal(
                    db.StatementEntries.Where(e => e.Kind == "debit" && e.BatchId != null && ids.Contains(e.BatchId.Value))
                        .GroupBy(e => e.BatchId!.Value).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountTiyn), Count = g.Count() }).AsEnumerable()
                        .Select(x => (x.Key, x.Sum, x.Count)).OrderBy(x => x.Key).ToList(),
                    PlainReads.DebitSums(source, ids).OrderBy(x => x.Batch).ToList());
            }
            foreach (var batch in new[] { run1.Id, run3.Id, other.Id })
                Assert.Equal(db.Exclusions.AsNoTracking().Where(e => e.BatchId == batch).AsEnumerable().Select(Fields).Order().ToList(),
                    PlainReads.ExclusionsOfBatch(source, batch).Select(Fields).Order().ToList());
            foreach (var end in new[] { new DateOnly(2026, 3, 31), new DateOnly(2025, 9, 2), new DateOnly(2026, 4, 1) })
                Assert.Equal(db.Cases.Where(c => c.DecisionDate <= end).Select(c => new { c.ApplicationDate, c.DecisionDate }).AsEnumerable()
                        .Select(c => (c.ApplicationDate, c.DecisionDate)).Order().ToList(),
                    PlainReads.DecidedBy(source, end).Order().ToList());
        }
        // What the data above was made to show, so that none of the comparisons compares nothing.
        Assert.Equal([2 * 2811250L, 100], PlainReads.DebitSums(plain, [run1.Id, reissue.Id]).OrderBy(x => x.Batch).Select(x => x.SumTiyn));
        Assert.Equal(run3.Id, PlainReads.LatestRunBatch(plain, "2026Q1"));
        Assert.Equal([payments[0], payments[1]], PlainReads.PaymentsNamedInMismatch(plain, "2026Q1").Order());
        Assert.Equal([BatchState.Released, BatchState.Prepared, BatchState.Cancelled, BatchState.Released],
            PlainReads.BatchHeadsOfQuarter(plain, "2026Q1").Select(b => b.State));
        Assert.Equal(["first", "second"], PlainReads.Signatures(plain, [run1.Id]).Select(s => s.Role));
        Assert.Equal(3, PlainReads.DecidedBy(plain, new DateOnly(2026, 3, 31)).Count);
        Assert.Equal(2, PlainReads.ApprovedCasesWithoutCertificate(plain, "2026Q1")); // C-002 (certified for 2026Q2 only) and C-004
        Assert.Equal(2, PlainReads.FindingsOf(plain, "2026Q1"));
    }

    [Fact]
    public void A_SQLite_database_made_elsewhere_with_UTF16_text_gives_the_same_cases_and_children()
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
        db.Cases.AddRange(Case(1, "140315501021", CaseStatus.Approved, nulls: false), Case(2, "14031550102X", CaseStatus.Suspended, nulls: true));
        db.SaveChanges();
        Assert.Equal("UTF-16le", db.Database.SqlQueryRaw<string>("SELECT encoding AS \"Value\" FROM pragma_encoding").Single());
        // The cases through the provider's reader (SQLite's own bytes would be UTF-16 here), as EF reads them.
        Assert.Equal(db.Cases.AsNoTracking().AsEnumerable().Select(CaseMapping.ToDomain).OrderBy(c => c.CaseId, StringComparer.Ordinal),
            PlainReads.Cases(db).OrderBy(c => c.CaseId, StringComparer.Ordinal));
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

    /// <summary>
    /// A reissue asks for the cases of every rejected payment, a reconcile for every return in its statements: more ids than
    /// any provider takes as parameters (SQLite 32,766, PostgreSQL 65,535, SQL Server 2,100) go as one array-like parameter.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Lookups_by_a_quarter_s_worth_of_ids_send_them_as_one_parameter(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        using var db = ws.OpenDb();
        db.Cases.AddRange(Case(1, "140315501021", CaseStatus.Approved, nulls: false), Case(2, "040315501021", CaseStatus.Approved, nulls: true));
        await db.SaveChangesAsync();
        var ids = Enumerable.Range(3, 70_000).Select(i => $"C-{i:000}").Append("C-002").ToList();
        Assert.Equal(["C-002"], (await db.CasesById(ids).ToListAsync()).Select(c => c.CaseId));
        Assert.Empty(await db.StoredEntryKeys(ids).ToListAsync());
        using var sqlServer = DbFactory.Create(DbProvider.SqlServer, "Server=localhost;Database=paybatch;TrustServerCertificate=true");
        Assert.Contains("OPENJSON(@ids)", sqlServer.CasesById(ids).ToQueryString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A read outside a transaction (report, status, the workbook) straight from SQLite's statement waits while another
    /// connection holds the database, as the provider's commands do, instead of failing at once with "database is locked".
    /// </summary>
    [Fact]
    public async Task A_plain_read_waits_while_another_connection_holds_the_database()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        using var plain = await PlainDb.OpenAsync(ws.Provider, ws.ConnectionString, CancellationToken.None);
        Assert.Equal(3, PlainReads.PaymentStates(plain, ["2026Q1"]).Count()); // the schema is read: the next read locks at its first step
        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection(ws.ConnectionString);
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        var committing = false;
        var release = Task.Run(async () =>
        {
            await Task.Delay(700);
            Volatile.Write(ref committing, true);
            await using var commit = writer.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        });
        Assert.Equal(3, PlainReads.PaymentStates(plain, ["2026Q1"]).Count());
        Assert.True(Volatile.Read(ref committing), "the read went on only once the other connection let go");
        await release;
    }
}
