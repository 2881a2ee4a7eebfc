using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch calendar --year Y</c>: the non-working days, to check against the official calendar.</summary>
public static class CalendarCommand
{
    public static Command Build(CommandRunner runner)
    {
        var year = new Option<int>("--year") { Description = "The year, e.g. 2026", Required = true };
        var command = new Command("calendar", "List the year's non-working weekdays and worked weekend days of the banking calendar") { year };
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
                w.WriteLine($"Non-working weekdays in {y} (besides Saturdays and Sundays):");
                foreach (var (date, why) in off) w.WriteLine($"  {D(date)} {date.DayOfWeek,-9} {why}");
                foreach (var d in worked) w.WriteLine($"  {D(d)} {d.DayOfWeek,-9} worked (transferred working day)");
            });
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
