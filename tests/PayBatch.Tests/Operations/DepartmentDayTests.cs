using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

/// <summary>"Today" is the department's day (Kazakhstan, UTC+5), not the server's: checked at the midnight edges on a UTC clock.</summary>
public class DepartmentDayTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute, int second = 0) => new(2026, 1, day, hour, minute, second, TimeSpan.Zero);

    [Theory]
    [InlineData(18, 59, 59, 19)] // 23:59:59 in Astana: still the 19th
    [InlineData(19, 0, 0, 20)]   // midnight in Astana, 19:00 on the UTC server: already the 20th
    [InlineData(20, 0, 0, 20)]   // a job at 01:00 UTC+5
    public void Today_turns_at_midnight_in_Kazakhstan_on_a_UTC_server(int hour, int minute, int second, int day)
    {
        var server = new FakeTimeProvider(Utc(19, hour, minute, second)); // its local zone is UTC
        Assert.True(DepartmentClock.TryParseZone(DepartmentClock.DefaultZone, out var zone));
        Assert.Equal(new DateOnly(2026, 1, day), ValueDates.Today(new DepartmentClock(server, zone)));
        Assert.Equal(new DateOnly(2026, 1, 19), ValueDates.Today(server));
    }

    [Theory]
    [InlineData("+05:00", 5)]
    [InlineData("-03:30", -3.5)]
    [InlineData("UTC", 0)]
    public void The_zone_is_an_offset_or_a_zone_id(string text, double hours)
    {
        Assert.True(DepartmentClock.TryParseZone(text, out var zone));
        Assert.Equal(TimeSpan.FromHours(hours), zone.BaseUtcOffset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+5")]
    [InlineData("Mars/Olympus_Mons")]
    public void Anything_else_is_not_a_zone(string text) => Assert.False(DepartmentClock.TryParseZone(text, out _));

    private static string DefaultValueDate(Workspace ws)
    {
        using var json = JsonDocument.Parse(ws.RunOk("run", "--quarter", "2026Q1", "--dry-run", "--json").Out);
        return json.RootElement.GetProperty("valueDate").GetString()!;
    }

    [Fact]
    public void A_run_at_01_00_in_Astana_on_a_UTC_server_takes_todays_value_date()
    {
        using var ws = new Workspace();
        ws.Clock.SetUtcNow(Utc(19, 18, 59)); // Monday 19 January, 23:59 in Astana
        Assert.Equal("2026-01-19", DefaultValueDate(ws));
        ws.Clock.SetUtcNow(Utc(19, 20, 0)); // Tuesday 20 January, 01:00 in Astana
        Assert.Equal("2026-01-20", DefaultValueDate(ws));
        ws.Environment["PAYBATCH_UI__TIMEZONE"] = "+00:00"; // the setting decides
        Assert.Equal("2026-01-19", DefaultValueDate(ws));
    }

    [Fact]
    public void A_zone_that_is_not_one_is_bad_input()
    {
        using var ws = new Workspace();
        ws.Environment["PAYBATCH_UI__TIMEZONE"] = "Astana";
        var r = ws.Run("run", "--quarter", "2026Q1", "--dry-run");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Ui:TimeZone", r.Error, StringComparison.Ordinal);
    }
}
