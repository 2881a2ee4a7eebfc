using System.Globalization;
using PayBatch.Core.Localization;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Batches;

/// <summary>The value date rule of SPEC: a banking day; by default the first one on or after today.</summary>
public static class ValueDates
{
    /// <summary>
    /// The department's date: the clock's local zone, which the command line sets to <c>Ui:TimeZone</c>
    /// (Kazakhstan, UTC+5, by default; see <see cref="DepartmentClock"/>), never the server's.
    /// </summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static DateOnly Resolve(BankingCalendar calendar, DateOnly? requested, TimeProvider clock)
    {
        if (requested is null) return calendar.FirstBankingDayOnOrAfter(Today(clock));
        if (!calendar.IsBankingDay(requested.Value))
            throw new InputException(CoreText.NotBankingDay, requested.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                calendar.FirstBankingDayOnOrAfter(requested.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return requested.Value;
    }
}
