using System.CommandLine;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;
using PayBatch.Core.Workbooks;

namespace PayBatch.Cli.Commands;

/// <summary>
/// <c>paybatch report --quarter Q | --year Y [--as-of D] [--format md|csv|json|html|xlsx] [--lang ru|kk|en] [--file F]</c>:
/// the quarterly or the annual report.
/// </summary>
public static class ReportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption(required: false);
        var year = new Option<int?>("--year") { Description = "The annual report of this year, e.g. 2026: the four quarters side by side and Appendix 2" };
        var asOf = CliApp.DateOption("--as-of", "Report as of this date (default: today)");
        var format = new Option<string>("--format") { Description = "md | csv | json | html | xlsx (an Excel workbook; needs --file)", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "html", "xlsx");
        var lang = CliApp.LangOption("ru");
        var file = new Option<string?>("--file") { Description = "Also write the report to this file (readable by its owner only)" };
        var command = new Command("report", "The quarterly or annual report with the standard's quality indicators") { quarter, year, asOf, format, lang, file };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(quarter) is null) == (r.GetResult(year) is null)) r.AddError("give either --quarter or --year");
            if (r.GetValue(year) is { } y && y is < 2000 or > 2999) r.AddError($"--year {y} is not a year such as 2026");
        });
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            if (!Labels.TryGet(parse.GetValue(lang), out var labels)) throw new InputException("--lang must be ru, kk or en");
            var indicators = ctx.Settings.Indicators;
            var workbook = parse.GetValue(format) == "xlsx" ? Workbook.CheckTarget(parse.GetValue(file) is { } f ? ctx.Settings.Resolve(f) : null) : null;
            if (workbook is not null && parse.GetValue(year) is not null) throw new InputException("--format xlsx is for --quarter; the annual workbook is not there yet");
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            if (workbook is not null)
            {
                var q = parse.GetValue(quarter);
                var figures = await ReportFigures.LoadAsync(db, ctx.Data.Calendar, q, date, indicators, ct).ConfigureAwait(false);
                await Workbook.WriteAsync(workbook, labels.Lang != "en", wb => QuarterWorkbook.WriteAsync(wb, figures, labels, db, ctx.Data.Calendar, ct), ct).ConfigureAwait(false);
                ctx.Log.Information("Report {Quarter} as of {AsOf}: xlsx/{Lang}", q.ToString(), date, labels.Lang);
                return Wrote(ctx, workbook, ReportWriter.Json(figures));
            }
            var fmt = ctx.Json ? "json" : parse.GetValue(format)!;
            string text;
            if (parse.GetValue(year) is { } y)
            {
                var figures = await YearFigures.LoadAsync(db, ctx.Data.Calendar, y, date, indicators, ct).ConfigureAwait(false);
                text = fmt switch
                {
                    "json" => YearReportWriter.Json(figures),
                    "csv" => YearReportWriter.Csv(figures, labels),
                    "html" => YearReportWriter.Html(figures, labels),
                    _ => YearReportWriter.Markdown(figures, labels),
                };
                ctx.Log.Information("Annual report {Year} as of {AsOf}: {Format}/{Lang}", y, date, fmt, labels.Lang);
            }
            else
            {
                var q = parse.GetValue(quarter);
                var figures = await ReportFigures.LoadAsync(db, ctx.Data.Calendar, q, date, indicators, ct).ConfigureAwait(false);
                text = fmt switch
                {
                    "json" => ReportWriter.Json(figures),
                    "csv" => ReportWriter.Csv(figures, labels),
                    "html" => ReportWriter.Html(figures, labels),
                    _ => ReportWriter.Markdown(figures, labels),
                };
                ctx.Log.Information("Report {Quarter} as of {AsOf}: {Format}/{Lang}", q.ToString(), date, fmt, labels.Lang);
            }
            if (parse.GetValue(file) is { } path) AtomicFile.Write(ctx.Settings.Resolve(path), System.Text.Encoding.UTF8.GetBytes(text));
            if (!ctx.Quiet || ctx.Json) ctx.Host.Out.Write(text);
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>A workbook never goes to the terminal: a person is told where it is; --json still prints the figures.</summary>
    internal static int Wrote(CliContext ctx, string workbook, string json)
    {
        if (ctx.Json) ctx.Host.Out.Write(json);
        else ctx.Say($"wrote {workbook}");
        return ExitCodes.Done;
    }
}
