using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;
using PayBatch.Core.Workbooks;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch report --quarter Q [--as-of D] [--format md|csv|json|html|xlsx] [--lang ru|kk|en] [--file F]</c>.</summary>
public static class ReportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var asOf = CliApp.DateOption("--as-of", "Report as of this date (default: today)");
        var format = new Option<string>("--format") { Description = "md | csv | json | html | xlsx (an Excel workbook; needs --file)", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "html", "xlsx");
        var lang = new Option<string>("--lang") { Description = "ru | kk | en", DefaultValueFactory = _ => "ru" };
        lang.AcceptOnlyFromAmong("ru", "kk", "en");
        var file = new Option<string?>("--file") { Description = "Also write the report to this file (readable by its owner only)" };
        var command = new Command("report", "The quarterly report with the standard's quality indicators") { quarter, asOf, format, lang, file };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            if (!Labels.TryGet(parse.GetValue(lang), out var labels)) throw new InputException("--lang must be ru, kk or en");
            var workbook = parse.GetValue(format) == "xlsx" ? Workbook.CheckTarget(parse.GetValue(file) is { } f ? ctx.Settings.Resolve(f) : null) : null;
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var figures = await ReportFigures.LoadAsync(db, ctx.Data.Calendar, q, date, ct).ConfigureAwait(false);
            if (workbook is not null)
            {
                await Workbook.WriteAsync(workbook, labels.Lang != "en", wb => QuarterWorkbook.WriteAsync(wb, figures, labels, db, ctx.Data.Calendar, ct), ct).ConfigureAwait(false);
                ctx.Log.Information("Report {Quarter} as of {AsOf}: xlsx/{Lang}", q.ToString(), date, labels.Lang);
                return Wrote(ctx, workbook, ReportWriter.Json(figures));
            }
            var fmt = ctx.Json ? "json" : parse.GetValue(format)!;
            var text = fmt switch
            {
                "json" => ReportWriter.Json(figures),
                "csv" => ReportWriter.Csv(figures, labels),
                "html" => ReportWriter.Html(figures, labels),
                _ => ReportWriter.Markdown(figures, labels),
            };
            if (parse.GetValue(file) is { } path) AtomicFile.Write(ctx.Settings.Resolve(path), System.Text.Encoding.UTF8.GetBytes(text));
            ctx.Log.Information("Report {Quarter} as of {AsOf}: {Format}/{Lang}", q.ToString(), date, fmt, labels.Lang);
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
