using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;
using PayBatch.Core.Workbooks;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch report --quarter Q [--as-of D] [--format md|csv|json|html|xlsx] [--file F]</c>; the global --lang, else Russian.</summary>
public static class ReportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var asOf = CliApp.DateOption("--as-of", CliText.ReportAsOf);
        var format = new Option<string>("--format") { Description = CliText.ReportFormat, DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "html", "xlsx");
        var file = new Option<string?>("--file") { Description = CliText.ReportFile };
        var command = new Command("report", CliText.Report) { quarter, asOf, format, file };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            var labels = Labels.For(ctx.Settings.UiLanguage ?? Lang.Ru); // the report's readers read Russian unless told otherwise
            var workbook = parse.GetValue(format) == "xlsx" ? Workbook.CheckTarget(parse.GetValue(file) is { } f ? ctx.Settings.Resolve(f) : null) : null;
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var figures = await ReportLoader.FiguresAsync(db, ctx.Data.Calendar, q, date, ctx.Settings.PaymentTerms.Coefficient, ct).ConfigureAwait(false);
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
        else ctx.Say(CliText.Wrote.Format(workbook));
        return ExitCodes.Done;
    }
}
