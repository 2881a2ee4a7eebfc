using System.Globalization;
using PayBatch.Core.Domain;

namespace PayBatch.Tests.Domain;

public class BankingCalendarTests
{
    private static readonly BankingCalendar Calendar = ReferenceData.Load().Calendar;

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void The_2026_non_working_weekdays_are_those_DOMAIN_worked_out()
    {
        string[] expected =
        [
            "2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09", "2026-03-23", "2026-03-24", "2026-03-25",
            "2026-05-01", "2026-05-07", "2026-05-11", "2026-05-27", "2026-07-06", "2026-08-31", "2026-10-26", "2026-12-16",
        ];
        Assert.Equal(expected, Calendar.NonWorkingWeekdays(2026).Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-05", "2026-01-13")] // over 7 January
    [InlineData("2026-03-18", "2026-03-30")] // over Nauryz with its weekend moves
    [InlineData("2025-12-26", "2026-01-06")] // across New Year
    [InlineData("2024-05-02", "2024-05-13")] // Sat 4 May 2024 worked, Wed 8 May off
    public void Fifth_banking_day_after(string from, string fifth) =>
        Assert.Equal(D(fifth), Calendar.AddBankingDays(D(from), 5));

    [Theory]
    [InlineData("2024-05-04", true)]  // a Saturday declared a working day
    [InlineData("2024-05-08", false)] // the weekday given off for it
    [InlineData("2022-10-22", true)]
    [InlineData("2022-10-24", false)]
    [InlineData("2025-01-05", true)]
    [InlineData("2025-01-03", false)]
    [InlineData("2026-03-21", false)] // Nauryz on a Saturday
    [InlineData("2026-03-26", true)]
    [InlineData("2026-05-27", false)] // Kurban Ait
    [InlineData("2022-07-11", true)]  // Kurban Ait 2022 fell on a Saturday and does not move
    public void Banking_days(string date, bool banking) => Assert.Equal(banking, Calendar.IsBankingDay(D(date)));

    [Theory]
    [InlineData("2026-01-05", "2026-01-05", 0)]
    [InlineData("2026-01-05", "2026-01-06", 1)]
    [InlineData("2026-01-05", "2026-01-13", 5)]
    [InlineData("2026-01-05", "2026-01-14", 6)]
    [InlineData("2026-01-09", "2026-01-11", 0)] // a weekend adds no banking day
    public void Banking_days_between(string from, string to, int days) =>
        Assert.Equal(days, Calendar.BankingDaysBetween(D(from), D(to)));

    [Fact]
    public void A_year_without_a_calendar_is_an_error() =>
        Assert.Throws<InputException>(() => Calendar.IsBankingDay(D("2027-01-04")));
}

public class CalendarCommandTests
{
    [Fact]
    public void Calendar_lists_the_non_working_weekdays_and_transferred_working_days()
    {
        using var ws = new PayBatch.Tests.Support.Workspace();
        var text = ws.RunOk("calendar", "--year", "2026").Out;
        Assert.Contains("2026-03-24 Tuesday   day off moved from 2026-03-21", text, StringComparison.Ordinal);
        Assert.Contains("2026-05-27 Wednesday religious holiday", text, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(ws.RunOk("calendar", "--year", "2024", "--json").Out);
        Assert.Equal(["2024-05-04"], json.RootElement.GetProperty("workedWeekendDays").EnumerateArray().Select(e => e.GetString()));
        var missing = ws.Run("calendar", "--year", "2027");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no banking calendar for 2027", missing.Error, StringComparison.Ordinal);
    }
}
