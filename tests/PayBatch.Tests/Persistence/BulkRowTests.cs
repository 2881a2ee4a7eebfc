using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// The bulk paths write by the model's own columns (TableMap): a row written in bulk reads back through
/// EF field for field, on every provider. Every text field holds a different value, so a value written
/// into another column fails here.
/// </summary>
public class BulkRowTests
{
    private static readonly DateTime Now = new(2026, 1, 20, 9, 30, 0, DateTimeKind.Utc);

    private static void AssertSameFields<TRow>(TRow written, TRow read)
    {
        foreach (var p in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "Id" && (p.PropertyType.IsValueType || p.PropertyType == typeof(string))))
            Assert.True(Equals(p.GetValue(written), p.GetValue(read)), $"{typeof(TRow).Name}.{p.Name}: wrote {p.GetValue(written)}, read {p.GetValue(read)}");
    }

    private static BatchRow Batch(BatchKind kind, int payments, int excluded) => new()
    {
        Quarter = "2026Q1", Number = 1, Kind = kind, ValueDate = new DateOnly(2026, 1, 20), Mrp = 4325, Coefficient = 6.5m,
        AmountPerChildTiyn = 2811250, Count = payments, TotalTiyn = payments * 2811250L, Excluded = excluded, WrittenWith = "{}", CreatedAtUtc = Now,
    };

    private static async Task WriteAsync<TRow>(PayBatchDb db, TRow row) where TRow : class
    {
        await using var writer = await RowWriter<TRow>.OpenAsync(db, default);
        await writer.AddAsync(row, default);
        await writer.CompleteAsync(default);
    }

    private static async Task UpsertAsync<TRow>(PayBatchDb db, TRow row) where TRow : class
    {
        await using var sink = await UpsertSink.OpenAsync<TRow>(db, keepBankDetailHistory: typeof(TRow) == typeof(CaseRow), Now, default);
        await sink.AddAsync(row, default);
        await sink.CompleteAsync(default);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Payments_exclusions_and_confirmations_read_back_as_written(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        using var db = ws.OpenDb();
        await using var tx = await db.Database.BeginTransactionAsync();
        var batch = Batch(BatchKind.Reissue, payments: 1, excluded: 1);
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        var payment = new PaymentRow
        {
            BatchId = batch.Id, Reference = "2026Q1-01-000007", Quarter = "2026Q1", Sequence = 7, CaseId = "case", District = "district",
            ChildIin = "child-iin", ApplicantIin = "applicant-iin", ApplicantName = "name", Iban = "iban", Bic = "bic", AmountTiyn = 2811250,
            Status = PaymentStatus.Credited, CreditedOn = new DateOnly(2026, 1, 22), StatusReason = "reason",
        };
        await WriteAsync(db, payment);
        var exclusion = new ExclusionRow { BatchId = batch.Id, Quarter = "2026Q1", CaseId = "case-x", ChildIin = "child-x", Reasons = "NOT_APPROVED" };
        await WriteAsync(db, exclusion);
        var confirmation = new ConfirmationRow
        {
            File = "bank.csv", FileSha256 = "sha", Line = 2, Reference = "2026Q1-01-000007", Status = "rejected", CreditedOn = new DateOnly(2026, 1, 23),
            AmountTiyn = 100, Iban = "confirmed-iban", Reason = "AC01", Outcome = "CONFLICT", ReadAtUtc = Now,
        };
        await WriteAsync(db, confirmation);
        await tx.CommitAsync();

        AssertSameFields(payment, db.Payments.AsNoTracking().Single());
        AssertSameFields(exclusion, db.Exclusions.AsNoTracking().Single());
        AssertSameFields(confirmation, db.Confirmations.AsNoTracking().Single());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rows_made_on_another_thread_are_stored_in_order_and_either_sides_failure_is_the_one_thrown(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        using var db = ws.OpenDb();
        var batch = Batch(BatchKind.Run, payments: 0, excluded: 1000);
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        var items = Enumerable.Range(1, 1000).ToList(); // many chunks of RowHandover.ChunkRows
        ExclusionRow Row(int i, long batchId) => new() { BatchId = batchId, Quarter = "2026Q1", CaseId = $"case-{i:0000}", ChildIin = "child", Reasons = "NOT_APPROVED" };

        // The maker fails at row 500, after the store has taken rows made before it: its failure is thrown, nothing kept.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var made = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                RowWriter<ExclusionRow>.WriteAsync(db, items, i => i == 500 ? throw new InvalidOperationException("row 500") : Row(i, batch.Id), default));
            Assert.Equal("row 500", made.Message);
        }
        // The store fails (row 300 names no batch) while the maker is ahead: the database's failure is thrown, not a cancel.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                RowWriter<ExclusionRow>.WriteAsync(db, items, i => Row(i, i == 300 ? batch.Id + 1000 : batch.Id), default));
        }
        // A cancel while rows are being made stops both sides: a cancel is thrown, and the rows stored by then go with the
        // transaction. The rows are made on a thread other than the caller's.
        var callerThread = Environment.CurrentManagedThreadId;
        var makerThreads = new HashSet<int>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            using var cancel = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RowWriter<ExclusionRow>.WriteAsync(db, items, i =>
            {
                lock (makerThreads) makerThreads.Add(Environment.CurrentManagedThreadId);
                if (i == 300) cancel.Cancel();
                return Row(i, batch.Id);
            }, cancel.Token));
            // SQLite stored some rows before the cancel (inside the transaction); PostgreSQL's cancelled COPY aborts the
            // transaction itself, so nothing of it can be read, let alone kept.
            if (db.Provider == DbProvider.Sqlite) Assert.InRange(db.Exclusions.Count(), 0, 299 + (4 * RowHandover.ChunkRows));
        }
        Assert.DoesNotContain(callerThread, makerThreads);
        db.ChangeTracker.Clear();
        Assert.Equal(0, db.Exclusions.Count());

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await RowWriter<ExclusionRow>.WriteAsync(db, items, i => Row(i, batch.Id), default);
            await tx.CommitAsync();
        }
        Assert.Equal(items.Select(i => $"case-{i:0000}"), db.Exclusions.AsNoTracking().OrderBy(e => e.Id).Select(e => e.CaseId).ToList());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Cases_and_certificates_upsert_as_written(string provider)
    {
        using var ws = new Workspace(provider);
        ws.RunOk("init");
        using var db = ws.OpenDb();
        var first = new CaseRow
        {
            CaseId = "case", District = "district", ApplicantIin = "applicant-iin", ApplicantName = "applicant", ApplicantRole = ApplicantRole.Guardian,
            GuardianshipRef = "ref", ChildIin = "child-iin", ChildName = "child", ChildBirthDate = new DateOnly(2014, 3, 15),
            ApplicationDate = new DateOnly(2025, 8, 1), DecisionNo = "decision", DecisionDate = new DateOnly(2025, 8, 4), DisabilityCertNo = "cert",
            DisabilityValidTo = new DateOnly(2027, 1, 1), HomeEducationFrom = new DateOnly(2025, 9, 1), HomeEducationTo = new DateOnly(2026, 6, 30),
            StudyEndDate = new DateOnly(2026, 5, 25), BankBic = "bic", Iban = "iban", Status = CaseStatus.Suspended,
        };
        var certificate = new CertificateRow { ChildIin = "child-iin", Quarter = "2026Q1", CertificateNo = "no", IssuedOn = new DateOnly(2026, 1, 5), School = "school" };
        var changed = new CaseRow
        {
            CaseId = "case", District = "district 2", ApplicantIin = "applicant-iin 2", ApplicantName = "applicant 2", ApplicantRole = ApplicantRole.Parent,
            ChildIin = "child-iin 2", ChildName = "child 2", ChildBirthDate = new DateOnly(2014, 3, 16), ApplicationDate = new DateOnly(2025, 8, 2),
            DecisionNo = "decision 2", DecisionDate = new DateOnly(2025, 8, 5), DisabilityCertNo = "cert 2", HomeEducationFrom = new DateOnly(2025, 9, 2),
            BankBic = "bic 2", Iban = "iban 2", Status = CaseStatus.Approved,
        };
        // A trigger of that name left on the connection (it cannot be, but should it) is replaced, not run.
        if (db.Provider == DbProvider.Sqlite)
            db.Database.ExecuteSqlRaw("CREATE TEMP TRIGGER paybatch_bank_history AFTER UPDATE ON cases BEGIN SELECT RAISE(ABORT, 'left over'); END");
        foreach (var row in new[] { first, changed })
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await UpsertAsync(db, row);
            await UpsertAsync(db, certificate);
            await tx.CommitAsync();
            AssertSameFields(row, db.Cases.AsNoTracking().Single());
            AssertSameFields(certificate, db.Certificates.AsNoTracking().Single());
        }
        var history = db.BankDetailChanges.AsNoTracking().Single();
        Assert.Equal(("bic", "iban", "bic 2", "iban 2"), (history.OldBankBic, history.OldIban, history.NewBankBic, history.NewIban));
        Assert.Equal(Now, history.ChangedAtUtc);

        // The history is the import's: a change of bank details made afterwards on the same connection records nothing
        // (SQLite's temporary trigger goes with the import), nor does one in an import that is rolled back.
        db.Database.ExecuteSqlRaw("UPDATE cases SET iban = 'iban 3'");
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await UpsertAsync(db, first);
            await tx.RollbackAsync();
        }
        db.Database.ExecuteSqlRaw("UPDATE cases SET iban = 'iban 4'");
        Assert.Single(db.BankDetailChanges.AsNoTracking());
    }
}
