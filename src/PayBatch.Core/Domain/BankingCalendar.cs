using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Domain;

/// <summary>
/// Working days of the Republic of Kazakhstan, one data file per year (<c>Data/calendar/YYYY.json</c>).
/// A public holiday on a weekend moves its day off to the next working day; religious holidays do
/// not move; the government's transfers swap a weekend day and a weekday. A date in a year with no
/// file is an error.
/// </summary>
public sealed class BankingCalendar
{
    private readonly Dictionary<int, YearDays> _years;

    // Immutable, so answers can be remembered: a quarter's million payments share a few dates.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly, int), DateOnly> _added = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly, DateOnly), int> _between = new();

    private BankingCalendar(Dictionary<int, YearDays> years) => _years = years;

    public bool IsBankingDay(DateOnly date)
    {
        var y = Year(date.Year);
        if (y.Worked.Contains(date)) return true;
        return !IsWeekend(date) && !y.DaysOff.ContainsKey(date);
    }

    /// <summary>Non-working weekdays and worked weekend days of a year, with why.</summary>
    public IReadOnlyList<(DateOnly Date, string Why)> NonWorkingWeekdays(int year) =>
        Year(year).DaysOff.Where(d => !IsWeekend(d.Key)).OrderBy(d => d.Key).Select(d => (d.Key, d.Value)).ToList();

    public IReadOnlyList<DateOnly> WorkedWeekendDays(int year) => Year(year).Worked.Order().ToList();

    public DateOnly FirstBankingDayOnOrAfter(DateOnly date)
    {
        while (!IsBankingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The n-th banking day after <paramref name="date"/> (n ≥ 1).</summary>
    public DateOnly AddBankingDays(DateOnly date, int n) => _added.GetOrAdd((date, n), k => CountForward(k.Item1, k.Item2));

    private DateOnly CountForward(DateOnly date, int n)
    {
        var d = date;
        for (var i = 0; i < n; i++)
        {
            d = d.AddDays(1);
            while (!IsBankingDay(d)) d = d.AddDays(1);
        }
        return d;
    }

    /// <summary>Banking days after <paramref name="from"/> up to and including <paramref name="to"/> (same day = 0).</summary>
    public int BankingDaysBetween(DateOnly from, DateOnly to) => to <= from ? 0 : _between.GetOrAdd((from, to), k => Count(k.Item1, k.Item2));

    private int Count(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsBankingDay(d)) count++;
        return count;
    }

    private YearDays Year(int year) =>
        _years.TryGetValue(year, out var y) ? y
            : throw new InputException(CoreText.NoCalendar, year);

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed record YearDays(Dictionary<DateOnly, string> DaysOff, HashSet<DateOnly> Worked);

    internal static BankingCalendar FromJson(IEnumerable<Stream> files)
    {
        var years = new Dictionary<int, YearDays>();
        foreach (var json in files)
        {
            var f = JsonSerializer.Deserialize(json, ReferenceJson.Default.CalendarFile) ?? throw new InvalidDataException("calendar file is empty");
            years[f.Year] = Build(f);
        }
        return new BankingCalendar(years);
    }

    private static YearDays Build(CalendarFile f)
    {
        // Digit by digit (DateDigits): the culture's date parser costs a command's start-up its first use.
        DateOnly Day(string mmdd) => DateDigits.TryReadIso($"{f.Year.ToString("0000", CultureInfo.InvariantCulture)}-{mmdd}", out var day)
            ? day : throw new InvalidDataException($"calendar {f.Year}: '{mmdd}' is not a day of the year (MM-dd)");
        var off = new Dictionary<DateOnly, string>();
        var worked = new HashSet<DateOnly>();
        foreach (var r in f.ReligiousHolidays) off[Day(r)] = "religious holiday";
        foreach (var t in f.Transfers)
        {
            worked.Add(t.Worked);
            off[t.Off] = string.Create(CultureInfo.InvariantCulture, $"day off transferred from {t.Worked:yyyy-MM-dd}");
        }
        var holidays = f.PublicHolidays.Select(Day).Order().ToList();
        foreach (var h in holidays) off.TryAdd(h, "public holiday");
        // A public holiday on a weekend moves its day off to the next working day, in date order.
        foreach (var h in holidays.Where(IsWeekend))
        {
            var d = h.AddDays(1);
            while ((IsWeekend(d) && !worked.Contains(d)) || off.ContainsKey(d)) d = d.AddDays(1);
            off[d] = string.Create(CultureInfo.InvariantCulture, $"day off moved from {h:yyyy-MM-dd}");
        }
        return new YearDays(off, worked);
    }

    internal sealed record CalendarFile(
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("publicHolidays")] string[] PublicHolidays,
        [property: JsonPropertyName("religiousHolidays")] string[] ReligiousHolidays,
        [property: JsonPropertyName("transfers")] Transfer[] Transfers);

    internal sealed record Transfer(
        [property: JsonPropertyName("worked")] DateOnly Worked,
        [property: JsonPropertyName("off")] DateOnly Off);
}
