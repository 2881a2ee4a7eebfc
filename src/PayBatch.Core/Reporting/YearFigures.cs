using PayBatch.Core.Domain;

namespace PayBatch.Core.Reporting;

/// <summary>
/// The annual report's figures: the four quarters side by side (zeros for a quarter without
/// batches), the year's totals (percentages recomputed from the year's counts) and Appendix 2.
/// </summary>
public sealed record YearFigures(int Year, DateOnly AsOf, IReadOnlyList<ReportFigures> Quarters, PaymentTotals Totals, IReadOnlyList<IndicatorRow> Indicators)
{
    public DateOnly Due => ReportDue.Yearly(Year);

    /// <summary>The coefficient the quarters were computed with (setting <c>Payment:Coefficient</c>).</summary>
    public decimal Coefficient => Quarters[0].Coefficient;
    public bool IsLate => AsOf > Due;

    /// <summary>The year from its four quarterly figures, in order.</summary>
    public static YearFigures Compute(int year, DateOnly asOf, IReadOnlyList<ReportFigures> quarters, IndicatorSettings settings)
    {
        if (quarters.Count != 4 || quarters.Select((f, i) => f.Quarter != new Quarter(year, i + 1)).Any(wrong => wrong))
            throw new ArgumentException($"the four quarters of {year}, in order", nameof(quarters));
        var totals = PaymentTotals.Sum(quarters.Select(f => f.Totals));
        return new YearFigures(year, asOf, quarters, totals, Reporting.Indicators.Compute(totals.OnTimePercent, totals.CorrectAccrualsPercent, settings));
    }
}
