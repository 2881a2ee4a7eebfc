using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Batches;

/// <summary>What the department settings say about payments (SPEC <c>Department</c> and <c>Payment</c>).</summary>
public sealed record PaymentTerms
{
    public Department Department { get; init; } = new();
    public string? Knp { get; init; }
    public decimal Coefficient { get; init; } = 6.5m;
    public string Send { get; init; } = "07";
    public string Pso { get; init; } = "01";
    public string Prt { get; init; } = "50";
}

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
    IReadOnlyList<Exclusion> Exclusions,
    string? Folder,
    bool DryRun,
    IReadOnlyList<string> Restored);

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
    public (DateOnly ValueDate, int Mrp, Tenge Amount) Check(RunRequest request)
    {
        var valueDate = ValueDates.Resolve(data.Calendar, request.ValueDate, clock);
        var mrp = data.Mrp.On(request.Quarter.FirstDay);
        var formats = request.Format is { } f ? [f] : data.Banks.All.Select(b => b.Format).Distinct().ToList();
        foreach (var format in formats.Where(f => f != BankFileFormat.Csv))
            new BatchTerms { Department = terms.Department, Knp = terms.Knp }.RequirePayer(format.Name());
        return (valueDate, mrp, Tenge.PerChild(terms.Coefficient, mrp));
    }

    public async Task<RunOutcome> ExecuteAsync(RunRequest request, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var q = request.Quarter;
        var (valueDate, mrp, amount) = Check(request);

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);

        var started = clock.GetTimestamp();
        var facts = await LoadFactsAsync(q, ct).ConfigureAwait(false);
        var eligible = new List<RecipientCase>();
        var exclusions = new List<Exclusion>();
        var decided = 0;
        foreach (var c in facts.Cases)
        {
            if (decided++ % 50_000 == 0) progress?.Report(new("deciding", decided - 1, (int)((decided - 1) * 100L / facts.Cases.Count)));
            var reasons = EligibilityRules.Check(c, facts.Facts);
            if (reasons.Count == 0) eligible.Add(c);
            else exclusions.Add(new Exclusion(c.CaseId, c.ChildIin, reasons.Select(r => r.Code()).ToList()));
        }
        log.Information("Decided {Quarter}: {Eligible} to pay, {Excluded} excluded, of {Cases} cases in {Ms} ms",
            q.ToString(), eligible.Count, exclusions.Count, facts.Cases.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds);

        if (eligible.Count > MaxPayments)
            throw new InputException($"{q} has {eligible.Count} payments to make and one batch numbers at most {MaxPayments} " +
                                     $"(references {q}-NN-000001 to -{MaxPayments:000000}); this run stored and wrote nothing. Import the registry in parts " +
                                     "and run after each: a run pays only children not yet paid for the quarter, in the next batch");
        if (eligible.Count == 0)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            var restored = request.DryRun ? [] : await BatchStore.RestoreMissingAsync(db, q, request.OutDir, log, ct).ConfigureAwait(false);
            return new RunOutcome(q, valueDate, mrp, terms.Coefficient, amount, null, [], exclusions, null, request.DryRun, restored);
        }

        var number = await BatchStore.NextNumberAsync(db, q, ct).ConfigureAwait(false);
        var payments = eligible
            .OrderBy(c => c.CaseId, StringComparer.Ordinal).ThenBy(c => c.ChildIin, StringComparer.Ordinal)
            .Select((c, i) => new Payment(new PaymentReference(q, number, i + 1), c.CaseId, c.District, c.ChildIin,
                c.ApplicantIin, c.ApplicantName, Iban.Normalize(c.Iban), c.BankBic, amount))
            .ToList();
        var batch = new Batch(q, number, valueDate, mrp, terms.Coefficient, amount, BatchTerms.For(q, payments, request.Format, terms, data.Banks), payments,
            exclusions);
        progress?.Report(new("deciding", facts.Cases.Count, 100));
        var files = BatchDocuments.All(batch);
        var folder = BatchStore.Folder(request.OutDir, q, number);

        if (request.DryRun)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return new RunOutcome(q, valueDate, mrp, terms.Coefficient, amount, batch, files, batch.Exclusions, folder, true, []);
        }

        var restoredFiles = await BatchStore.CreateAsync(db, batch, "run", request.Prepared, files, null, request.OutDir, clock.GetUtcNow().UtcDateTime, log, ct).ConfigureAwait(false);
        return new RunOutcome(q, valueDate, mrp, terms.Coefficient, amount, batch, files, batch.Exclusions, folder, false, restoredFiles);
    }

    private sealed record LoadedFacts(List<RecipientCase> Cases, QuarterFacts Facts);

    private async Task<LoadedFacts> LoadFactsAsync(Quarter q, CancellationToken ct)
    {
        var qs = q.ToString();
        var cases = new List<RecipientCase>();
        await foreach (var row in db.AllCases().AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
            cases.Add(CaseMapping.ToDomain(row)); // streamed: a million rows are never held twice
        cases.Sort((a, b) => string.CompareOrdinal(a.CaseId, b.CaseId));
        var certified = (await db.CertifiedChildren(qs).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var paid = (await db.ChildrenWithPayments(qs).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var duplicated = cases.Where(c => c.Status == CaseStatus.Approved).GroupBy(c => c.ChildIin, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new LoadedFacts(cases, new QuarterFacts(q, data.Banks, certified, duplicated, paid));
    }
}

/// <summary>The value date rule of SPEC: a banking day; by default the first one on or after today.</summary>
public static class ValueDates
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static DateOnly Resolve(BankingCalendar calendar, DateOnly? requested, TimeProvider clock)
    {
        if (requested is null) return calendar.FirstBankingDayOnOrAfter(Today(clock));
        if (!calendar.IsBankingDay(requested.Value))
            throw new InputException($"value date {requested.Value:yyyy-MM-dd} is not a banking day; the next one is {calendar.FirstBankingDayOnOrAfter(requested.Value):yyyy-MM-dd}");
        return requested.Value;
    }
}

public static class CaseMapping
{
    public static RecipientCase ToDomain(CaseRow r) => new()
    {
        CaseId = r.CaseId, District = r.District, ApplicantIin = r.ApplicantIin, ApplicantName = r.ApplicantName,
        ApplicantRole = CaseStatuses.TryParseRole(r.ApplicantRole, out var role) ? role : throw new InvalidDataException($"case {r.CaseId}: bad role"),
        GuardianshipRef = r.GuardianshipRef, ChildIin = r.ChildIin, ChildName = r.ChildName, ChildBirthDate = r.ChildBirthDate,
        ApplicationDate = r.ApplicationDate, DecisionNo = r.DecisionNo, DecisionDate = r.DecisionDate,
        DisabilityCertNo = r.DisabilityCertNo, DisabilityValidTo = r.DisabilityValidTo, HomeEducationFrom = r.HomeEducationFrom,
        HomeEducationTo = r.HomeEducationTo, StudyEndDate = r.StudyEndDate, BankBic = r.BankBic, Iban = r.Iban,
        Status = CaseStatuses.TryParse(r.Status, out var s) ? s : throw new InvalidDataException($"case {r.CaseId}: bad status"),
    };
}
