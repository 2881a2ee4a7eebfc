using PayBatch.Core.Domain;

namespace PayBatch.Core.Reporting;

/// <summary>When the standard wants its reports (resolution, point 2): the 10th of the month after a quarter, 15 December for the year.</summary>
public static class ReportDue
{
    public static DateOnly Quarterly(Quarter q) => q.LastDay.AddDays(10);

    public static DateOnly Yearly(int year) => new(year, 12, 15);
}
