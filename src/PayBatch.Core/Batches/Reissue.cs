using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Batches;

public sealed record ReissueRequest(Quarter Quarter, DateOnly? ValueDate, BankFileFormat? Format, string OutDir, bool AllRejected, bool DryRun,
    bool Prepared = false);

/// <summary>A rejected or returned payment left as it is, and why (read in the person's language; English in JSON).</summary>
public sealed record NotReissued(string Reference, string CaseId, Said Why, IReadOnlyList<Reason>? Reasons = null);

public sealed record ReissueOutcome(Batch? Batch, IReadOnlyList<BatchFile> Files, IReadOnlyList<NotReissued> Skipped, string? Folder, bool DryRun);

/// <summary>
/// A supplementary batch for rejected and returned payments: by default those whose case's bank
/// details changed since (a corrected registry was imported), or all of them with --all-rejected.
/// The case must still be eligible; each new payment records the one it replaces, which keeps its status.
/// </summary>
public sealed class Reissue(PayBatchDb db, ReferenceData data, PaymentTerms terms, TimeProvider clock, ILogger log)
{
    public async Task<ReissueOutcome> ExecuteAsync(ReissueRequest request, CancellationToken ct)
    {
        var q = request.Quarter;
        var qs = q.ToString();
        var valueDate = ValueDates.Resolve(data.Calendar, request.ValueDate, clock);
        if (!request.DryRun) Output.AtomicFile.RequireWritable(request.OutDir);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);

        // Only the few payments to consider and the live children's IINs are read: a quarter's million payments
        // read whole took 841 MB and 8.7 s to find nothing to re-issue (issue 15's "every step under 600 MB").
        var rejected = (await db.UnreplacedRejections(qs).ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(p => p.Reference, StringComparer.Ordinal).ToList();
        var live = PlainReads.LiveChildren(db, qs);
        var caseIds = rejected.Select(p => p.CaseId).Distinct().ToList();
        var cases = (await db.CasesById(caseIds).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(c => c.CaseId, CaseMapping.ToDomain, StringComparer.Ordinal);
        var facts = DecisionFacts.Load(db, q, data.Banks, live);

        var skipped = new List<NotReissued>();
        var chosen = new List<(PaymentRow Old, RecipientCase Case, CaseIds Ids)>();
        var chosenChildren = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in rejected)
        {
            if (!cases.TryGetValue(old.CaseId, out var c)) { skipped.Add(new(old.Reference, old.CaseId, CoreText.NoLongerInRegistry.With())); continue; }
            var changed = Iban.Normalize(c.Iban) != old.Iban || c.BankBic != old.Bic;
            if (!changed && !request.AllRejected) { skipped.Add(new(old.Reference, old.CaseId, (old.Status == PaymentStatus.Returned ? CoreText.UnchangedSinceReturn : CoreText.UnchangedSinceRejection).With())); continue; }
            var reasons = EligibilityRules.Check(c, facts, out var ids);
            if (chosenChildren.Contains(c.ChildIin)) reasons = [.. reasons, Reason.AlreadyPaid];
            if (reasons.Count > 0)
            {
                skipped.Add(new(old.Reference, old.CaseId, CoreText.NotEligible.With(string.Join(';', reasons.Select(r => r.Code()))), reasons));
                continue;
            }
            chosen.Add((old, c, ids));
            chosenChildren.Add(c.ChildIin);
        }
        if (chosen.Count == 0)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return new ReissueOutcome(null, [], skipped, null, request.DryRun);
        }

        var number = await BatchStore.NextNumberAsync(db, q, ct).ConfigureAwait(false);
        var first = await db.BatchesOfQuarter(qs).FirstAsync(ct).ConfigureAwait(false);
        var amount = new QuarterAmount(first.Mrp, first.Coefficient, new Tenge(first.AmountPerChildTiyn)); // the quarter's, as first paid
        var exclusions = skipped.Where(s => s.Reasons is not null)
            .Select(s => new Exclusion(s.CaseId, cases[s.CaseId].ChildIin, s.Reasons!)).ToList();
        var batch = NewBatch.From(q, number, valueDate, amount, chosen.Select(x => Payee.Of(x.Case, x.Ids)).ToList(), exclusions, request.Format, terms, data.Banks);
        // Each new payment replaces the rejected payment of its child (one per child: see chosenChildren).
        var oldByChild = chosen.ToDictionary(x => x.Case.ChildIin, x => x.Old.Id, StringComparer.Ordinal);
        var replaces = batch.Payments.ToDictionary(p => p.Reference.ToString(), p => oldByChild[p.ChildIin.Value], StringComparer.Ordinal);
        var folder = BatchStore.Folder(request.OutDir, q, number);
        if (request.DryRun)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return new ReissueOutcome(batch, BatchDocuments.BankFilesMeasured(batch), skipped, folder, true);
        }
        var (files, _) = await BatchStore.CreateAsync(db, batch, BatchKind.Reissue, request.Prepared, replaces, request.OutDir, clock.GetUtcNow().UtcDateTime, log, ct).ConfigureAwait(false);
        return new ReissueOutcome(batch, files, skipped, folder, false);
    }
}
