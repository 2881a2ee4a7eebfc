using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Persistence;

/// <summary>A payment with its batch's value date, as stored: what the payment's trace (<c>paybatch payment</c>) shows.</summary>
public sealed record PaymentView(
    long Id, string Reference, string Quarter, string CaseId, string ChildIin, string District, string Bic, string Iban,
    long AmountTiyn, PaymentStatus Status, DateOnly? CreditedOn, string? StatusReason, long? ReplacesPaymentId, DateOnly ValueDate);

/// <summary>
/// Every query the program sends through EF (the reads by hand are <see cref="PlainReads"/>), in one place, so each is compiled for every provider
/// in the tests (ToQueryString) and a provider-specific break shows up without a server.
/// </summary>
public static class Queries
{
    public static IQueryable<CaseRow> AllCases(this PayBatchDb db) => db.Cases.AsNoTracking();

    /// <summary>
    /// The cases of the given ids, which may be a quarter's worth: the ids go as one array-like parameter, not as one
    /// parameter each (EF 10's default), which would pass SQLite's 32,766 and SQL Server's 2,100 parameters.
    /// </summary>
    public static IQueryable<CaseRow> CasesById(this PayBatchDb db, IReadOnlyCollection<string> caseIds)
    {
        var ids = caseIds.ToArray();
        return db.Cases.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.CaseId));
    }

    public static IQueryable<CaseRow> ApprovedCasesWithoutCertificate(this PayBatchDb db, string quarter) =>
        db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Approved && !db.Certificates.Any(x => x.ChildIin == c.ChildIin && x.Quarter == quarter));

    /// <summary>The other certificates of the children <see cref="ApprovedCasesWithoutCertificate"/> finds: where they last studied.</summary>
    public static IQueryable<CertificateRow> CertificatesOfApprovedChildrenWithout(this PayBatchDb db, string quarter)
    {
        var missing = db.ApprovedCasesWithoutCertificate(quarter);
        return db.Certificates.AsNoTracking().Where(c => missing.Any(k => k.ChildIin == c.ChildIin));
    }

    /// <summary>
    /// The quarter's rejected and returned payments that no payment replaces but a cancelled one (a replacement in a
    /// cancelled batch never went out: its payment may be re-issued again).
    /// </summary>
    public static IQueryable<PaymentRow> UnreplacedRejections(this PayBatchDb db, string quarter) =>
        db.Payments.AsNoTracking().Where(p => p.Quarter == quarter && (p.Status == PaymentStatus.Rejected || p.Status == PaymentStatus.Returned)
            && !db.Payments.Any(r => r.ReplacesPaymentId == p.Id && r.Quarter == p.Quarter && r.Status != PaymentStatus.Cancelled));

    public static IQueryable<PaymentRow> PaymentsOfQuarters(this PayBatchDb db, IReadOnlyCollection<string> quarters) =>
        db.Payments.AsNoTracking().Where(p => quarters.Contains(p.Quarter));

    public static IQueryable<PaymentRow> PaymentsOfBatch(this PayBatchDb db, long batchId) =>
        db.Payments.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.Sequence);

    public static IQueryable<PaymentView> PaymentByReference(this PayBatchDb db, string reference) =>
        Views(db, db.Payments.AsNoTracking().Where(p => p.Reference == reference));

    public static IQueryable<PaymentView> PaymentById(this PayBatchDb db, long id) => Views(db, db.Payments.AsNoTracking().Where(p => p.Id == id));

    public static IQueryable<PaymentView> ReplacementOf(this PayBatchDb db, long id) =>
        Views(db, db.Payments.AsNoTracking().Where(p => p.ReplacesPaymentId == id));

    private static IQueryable<PaymentView> Views(PayBatchDb db, IQueryable<PaymentRow> payments) =>
        from p in payments
        join b in db.Batches.AsNoTracking() on p.BatchId equals b.Id
        orderby p.Reference
        select new PaymentView(p.Id, p.Reference, p.Quarter, p.CaseId, p.ChildIin, p.District, p.Bic, p.Iban, p.AmountTiyn,
            p.Status, p.CreditedOn, p.StatusReason, p.ReplacesPaymentId, b.ValueDate);

    public static IQueryable<ConfirmationRow> ConfirmationsOf(this PayBatchDb db, string reference) =>
        db.Confirmations.AsNoTracking().Where(c => c.Reference == reference).OrderBy(c => c.Id);

    public static IQueryable<int?> BatchNumbers(this PayBatchDb db, string quarter) =>
        db.Batches.AsNoTracking().Where(b => b.Quarter == quarter).Select(b => (int?)b.Number);

    public static IQueryable<BatchRow> BatchesOfQuarter(this PayBatchDb db, string quarter) =>
        db.Batches.AsNoTracking().Include(b => b.Files).Where(b => b.Quarter == quarter).OrderBy(b => b.Number);

    public static IQueryable<BatchRow> BatchByName(this PayBatchDb db, string quarter, int number) =>
        db.Batches.AsNoTracking().Include(b => b.Files).Where(b => b.Quarter == quarter && b.Number == number);

    public static IQueryable<(string, int)> SeenConfirmationLines(this PayBatchDb db, IReadOnlyCollection<string> fileHashes) =>
        db.Confirmations.AsNoTracking().Where(c => fileHashes.Contains(c.FileSha256)).Select(c => new ValueTuple<string, int>(c.FileSha256, c.Line));

    public static IQueryable<BatchRow> BatchesOfQuarters(this PayBatchDb db, IReadOnlyCollection<string> quarters) =>
        db.Batches.AsNoTracking().Where(b => quarters.Contains(b.Quarter)).OrderBy(b => b.Quarter).ThenBy(b => b.Number);

    /// <summary>The quarters with a batch valued within a statement's period.</summary>
    public static IQueryable<string> QuartersValuedBetween(this PayBatchDb db, DateOnly from, DateOnly to) =>
        db.Batches.AsNoTracking().Where(b => b.ValueDate >= from && b.ValueDate <= to).Select(b => b.Quarter).Distinct();

    /// <summary>Which of the statements' entries are kept already: as many keys as returns in the statements, so one parameter (see <see cref="CasesById"/>).</summary>
    public static IQueryable<string> StoredEntryKeys(this PayBatchDb db, IReadOnlyCollection<string> keys)
    {
        var array = keys.ToArray();
        return db.StatementEntries.AsNoTracking().Where(e => EF.Parameter(array).Contains(e.EntryKey)).Select(e => e.EntryKey);
    }

    public static IQueryable<BatchRow> BatchOfPayment(this PayBatchDb db, long paymentId) =>
        from p in db.Payments.AsNoTracking()
        join b in db.Batches.AsNoTracking() on p.BatchId equals b.Id
        where p.Id == paymentId
        select b;

    public static IQueryable<StatementEntryRow> DebitsOfBatch(this PayBatchDb db, long batchId) =>
        db.StatementEntries.AsNoTracking().Where(e => e.Kind == "debit" && e.BatchId == batchId).OrderBy(e => e.Id);

    public static IQueryable<(string, int)> SeenStatements(this PayBatchDb db, IReadOnlyCollection<string> fileHashes) =>
        db.Statements.AsNoTracking().Where(s => fileHashes.Contains(s.FileSha256)).Select(s => new ValueTuple<string, int>(s.FileSha256, s.Line));

    public static IQueryable<ReconcileFindingRow> ReconcileFindingsOf(this PayBatchDb db, string quarter) =>
        db.ReconcileFindings.AsNoTracking().Where(f => f.Quarter == quarter).OrderBy(f => f.Id);
}
