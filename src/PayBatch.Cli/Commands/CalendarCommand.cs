using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch calendar --year Y</c>: the non-working days, to check against the official calendar.</summary>
public static class CalendarCommand
{
    public static Command Build(CommandRunner runner)
    {
        var year = new Option<int>("--year") { Description = CliText.CalendarYear, Required = true };
        var command = new Command("calendar", CliText.Calendar) { year };
        runner.Handle(command, (parse, ctx, ct) =>
        {
            var y = parse.GetValue(year);
            var off = ctx.Data.Calendar.NonWorkingWeekdays(y);
            var worked = ctx.Data.Calendar.WorkedWeekendDays(y);
            static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ctx.Result(new JsonObject
            {
                ["year"] = y,
                ["nonWorkingWeekdays"] = new JsonArray(off.Select(d => (JsonNode)new JsonObject { ["date"] = D(d.Date), ["day"] = d.Date.DayOfWeek.ToString(), ["why"] = d.Why }).ToArray()),
                ["workedWeekendDays"] = new JsonArray(worked.Select(d => (JsonNode)D(d)).ToArray()),
            }, w =>
            {
                w.WriteLine(CliText.CalendarHeading.Format(y));
                var days = CultureInfo.CurrentUICulture.DateTimeFormat;
                var width = days.DayNames.Max(n => n.Length);
                string Day(DateOnly d) => days.GetDayName(d.DayOfWeek).PadRight(width);
                foreach (var (date, why) in off) w.WriteLine($"  {D(date)} {Day(date)} {why}");
                foreach (var d in worked) w.WriteLine($"  {D(d)} {Day(d)} {CliText.CalendarWorked}");
            });
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
