using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using Serilog;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Batches;

/// <param name="Prepared">The batch awaits signatures (SPEC "Release"); otherwise it is released as soon as it is written.</param>
public sealed record RunRequest(Quarter Quarter, DateOnly? ValueDate, BankFileFormat? Format, string OutDir, bool DryRun, bool Prepared = false);

/// <summary>What a run decided. <see cref="Batch"/> is null when nobody was left to pay.</summary>
public sealed record RunOutcome(
    Quarter Quarter,
    DateOnly ValueDate,
    int Mrp,
    decimal Coefficient,
    Tenge AmountPerChild,
    Batch? Batch,
    IReadOnlyList<BatchFile> Files,
    ExclusionTally Excluded,
    string? Folder,
    bool DryRun,
    IReadOnlyList<string> Restored);

/// <summary>
/// How many cases a run excluded and how many name each reason (a case may name several): counts, not the
/// exclusions themselves, so that a run paying nobody does not hold a million of them while it restores files.
/// </summary>
public sealed class ExclusionTally
{
    private readonly int[] _counts = new int[Enum.GetValues<Reason>().Length];
    private readonly List<Reason> _seen = [];

    public ExclusionTally(IEnumerable<Exclusion> exclusions)
    {
        foreach (var e in exclusions)
        {
            Total++;
            foreach (var r in e.Reasons)
                if (_counts[(int)r]++ == 0) _seen.Add(r);
        }
    }

    public int Total { get; }

    /// <summary>Each reason named, in the order the exclusions (in case order) first name it.</summary>
    public IEnumerable<(Reason Reason, int Count)> InOrderSeen => _seen.Select(r => (r, _counts[(int)r]));

    /// <summary>Each reason named, in the reasons' order.</summary>
    public IEnumerable<(Reason Reason, int Count)> InReasonOrder => _seen.Order().Select(r => (r, _counts[(int)r]));
}

/// <summary>
/// The quarterly run: decide eligibility for every case, compute the amount, create the next batch
/// and write its files. The decision and the batch are one locked transaction, so two runs started
/// at once create one batch; files are written after the commit, and a later run restores any lost.
/// </summary>
public sealed class QuarterRun(PayBatchDb db, ReferenceData data, PaymentTerms terms, TimeProvider clock, ILogger log)
{
    /// <summary>The most payments one batch can number; lowered by the tests.</summary>
    internal int MaxPayments { get; init; } = PaymentReference.MaxSequence;

    /// <summary>
    /// Everything about a run that can be refused before it touches anything: the value date, the
    /// MRP of the quarter, the payer's details for a payer-named format.
    /// </summary>
    public static (DateOnly ValueDate, QuarterAmount Amount) Check(ReferenceData data, PaymentTerms terms, TimeProvider clock, RunRequest request)
    {
        var valueDate = ValueDates.Resolve(data.Calendar, request.ValueDate, clock);
        var amount = QuarterAmount.For(request.Quarter, data.Mrp, terms.Coefficient);
        if (!request.DryRun) AtomicFile.RequireWritable(request.OutDir);
        var formats = request.Format is { } f ? [f] : data.Banks.All.Select(b => b.Format).Distinct().ToList();
        foreach (var format in formats.Where(f => f != BankFileFormat.Csv))
            new BatchTerms { Department = terms.Department, Knp = terms.Knp, Send = terms.Send, Pso = terms.Pso, Prt = terms.Prt }.RequirePayer(format);
        return (valueDate, amount);
    }

    public async Task<RunOutcome> ExecuteAsync(RunRequest request, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var q = request.Quarter;
        var (valueDate, amount) = Check(data, terms, clock, request);

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);

        var started = clock.GetTimestamp();
        var (eligible, exclusions, cases) = await DecideAsync(q, progress, ct).ConfigureAwait(false);
        log.Information("Decided {Quarter}: {Eligible} to pay, {Excluded} excluded, of {Cases} cases in {Ms} ms",
            q.ToString(), eligible.Count, exclusions.Count, cases, (int)clock.GetElapsedTime(started).TotalMilliseconds);

        if (eligible.Count > MaxPayments)
            throw new InputException(CoreText.BatchTooLarge, q, eligible.Count, MaxPayments);
        if (eligible.Count == 0)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            var tally = new ExclusionTally(exclusions);
            exclusions.Clear(); // every case, when all are paid: counted, and let go before a lost batch's payments are read back
            exclusions.TrimExcess();
            var restored = request.DryRun ? [] : await BatchStore.RestoreMissingAsync(db, q, request.OutDir, log, ct).ConfigureAwait(false);
            return new RunOutcome(q, valueDate, amount.Mrp, amount.Coefficient, amount.PerChild, null, [], tally, null, request.DryRun, restored);
        }

        LargeReads.LetGo(); // the deciding's garbage, before the batch is built (a run that pays nobody builds nothing)
        var number = await BatchStore.NextNumberAsync(db, q, ct).ConfigureAwait(false);
        var batch = NewBatch.From(q, number, valueDate, amount, eligible, exclusions, request.Format, terms, data.Banks);
        LargeReads.LetGo();
        progress?.Report(new("deciding", cases, 100));
        var folder = BatchStore.Folder(request.OutDir, q, number);

        if (request.DryRun)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return new RunOutcome(q, valueDate, amount.Mrp, amount.Coefficient, amount.PerChild, batch, BatchDocuments.BankFilesMeasured(batch), new ExclusionTally(batch.Exclusions), folder, true, []);
        }

        var (files, restoredFiles) = await BatchStore.CreateAsync(db, batch, BatchKind.Run, request.Prepared, null, request.OutDir, clock.GetUtcNow().UtcDateTime, log, ct).ConfigureAwait(false);
        return new RunOutcome(q, valueDate, amount.Mrp, amount.Coefficient, amount.PerChild, batch, files, new ExclusionTally(batch.Exclusions), folder, false, restoredFiles);
    }

    /// <summary>
    /// Decides every case as it streams from the database and keeps of a payable case only its
    /// <see cref="Payee"/>: a million whole cases are never held at once. Returns the payees, the
    /// exclusions in case order and the number of cases decided.
    /// </summary>
    private async Task<(List<Payee> Payees, List<Exclusion> Exclusions, int Cases)> DecideAsync(Quarter q, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var paid = PlainReads.ChildrenWithPayments(db, q.ToString());
        var facts = DecisionFacts.Load(db, q, data.Banks, paid);
        var total = progress is null ? 0 : await db.AllCases().CountAsync(ct).ConfigureAwait(false);
        var payees = new List<Payee>();
        var exclusions = new List<Exclusion>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal); // districts and BICs repeat: one string each
        string Once(string s) => texts.TryGetValue(s, out var same) ? same : texts[s] = s;
        var reasonLists = new Dictionary<long, IReadOnlyList<Reason>>(); // a few combinations of reasons: one list each
        var n = 0;
        // The cases are read on a thread of their own while this one decides the cases read before (neither alone is
        // most of the time); only the reading thread uses the connection meanwhile.
        await RowHandover.RunAsync(PlainReads.Cases(db), chunk =>
        {
            foreach (var c in chunk)
            {
                if (n++ % 50_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new("deciding", n - 1, (int)((n - 1) * 100L / Math.Max(total, 1))));
                }
                var reasons = EligibilityRules.Check(c, facts, out var ids);
                if (reasons.Count == 0)
                {
                    payees.Add(Payee.Of(c, ids) with { District = Once(c.District), BankBic = Once(c.BankBic) });
                    continue;
                }
                var key = 0L;
                foreach (var r in reasons) key |= 1L << (int)r;
                if (!reasonLists.TryGetValue(key, out var shared)) reasonLists[key] = shared = reasons;
                exclusions.Add(new Exclusion(c.CaseId, c.ChildIin, shared));
            }
            return ValueTask.CompletedTask;
        }, ct).ConfigureAwait(false);
        exclusions.SortUnlessSorted(static (a, b) => string.CompareOrdinal(a.CaseId, b.CaseId));
        return (payees, exclusions, n);
    }
}
