using System.CommandLine;
using PayBatch.Cli.Localization;
using PayBatch.Core.Batches;
using PayBatch.Core.Localization;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;
using PayBatch.Core.Workbooks;

namespace PayBatch.Cli.Commands;

/// <summary>
/// <c>paybatch report --quarter Q | --year Y [--as-of D] [--format md|csv|json|html|xlsx] [--file F]</c>: the quarterly
/// or the annual report, in the global --lang, else Russian.
/// </summary>
public static class ReportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption(required: false);
        var year = new Option<int?>("--year") { Description = CliText.ReportYear };
        var asOf = CliApp.DateOption("--as-of", CliText.ReportAsOf);
        var format = new Option<string>("--format") { Description = CliText.ReportFormat, DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "html", "xlsx");
        var file = new Option<string?>("--file") { Description = CliText.ReportFile };
        var command = new Command("report", CliText.Report) { quarter, year, asOf, format, file };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(quarter) is null) == (r.GetResult(year) is null)) r.AddError(CliText.ReportQuarterOrYear);
            if (CliApp.ValueIfParsed(r, year) is { } y && y is < 2000 or > 2999) r.AddError(CliText.ReportBadYear.Format(y));
        });
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            var labels = Labels.For(ctx.Settings.UiLanguage ?? Lang.Ru); // the report's readers read Russian unless told otherwise
            var indicators = ctx.Settings.Indicators;
            var coefficient = ctx.Settings.PaymentTerms.Coefficient;
            var target = Workbook.CheckFile(parse.GetValue(file) is { } f ? ctx.Settings.Resolve(f) : null, parse.GetValue(format)!, "report");
            var workbook = parse.GetValue(format) == "xlsx" ? target : null;
            var reading = Task.Run(() => ctx.Data.Calendar, ct); // read while the database opens (start-up, issue 15)
            using var db = await ctx.OpenForReadingAsync(ct).ConfigureAwait(false);
            var calendar = await reading.ConfigureAwait(false);
            var fmt = ctx.Json ? "json" : parse.GetValue(format)!;
            string text;
            if (parse.GetValue(year) is { } y)
            {
                var figures = ReportLoader.Year(db, calendar, y, date, coefficient, indicators, ct);
                if (workbook is not null)
                {
                    await Workbook.WriteAsync(workbook, labels.Lang != "en", wb => YearWorkbook.WriteAsync(wb, figures, labels, db, calendar), ct).ConfigureAwait(false);
                    ctx.Log.Information("Annual report {Year} as of {AsOf}: xlsx/{Lang}", y, date, labels.Lang);
                    return Wrote(ctx, workbook, YearReportWriter.Json(figures));
                }
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
                var figures = ReportLoader.Figures(db, calendar, q, date, coefficient, indicators, ct);
                if (workbook is not null)
                {
                    await Workbook.WriteAsync(workbook, labels.Lang != "en", wb => QuarterWorkbook.WriteAsync(wb, figures, labels, db, calendar), ct).ConfigureAwait(false);
                    ctx.Log.Information("Report {Quarter} as of {AsOf}: xlsx/{Lang}", q.ToString(), date, labels.Lang);
                    return Wrote(ctx, workbook, ReportWriter.Json(figures));
                }
                text = fmt switch
                {
                    "json" => ReportWriter.Json(figures),
                    "csv" => ReportWriter.Csv(figures, labels),
                    "html" => ReportWriter.Html(figures, labels),
                    _ => ReportWriter.Markdown(figures, labels),
                };
                ctx.Log.Information("Report {Quarter} as of {AsOf}: {Format}/{Lang}", q.ToString(), date, fmt, labels.Lang);
            }
            if (target is not null) AtomicFile.Write(target, System.Text.Encoding.UTF8.GetBytes(text));
            if (!ctx.Quiet || ctx.Json) ctx.Host.Out.Write(text);
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>A workbook never goes to the terminal: a person is told where it is; --json still prints the figures.</summary>
    internal static int Wrote(CliContext ctx, string workbook, string json)
    {
        if (ctx.Json) ctx.Host.Out.Write(json);
        else ctx.Say(CliText.Wrote.Format(workbook));
        return ExitCodes.Done;
    }
}
