using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch report --quarter Q [--as-of D] [--format md|csv|json|html] [--lang ru|kk|en]</c>.</summary>
public static class ReportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var asOf = CliApp.DateOption("--as-of", CliText.ReportAsOf);
        var format = new Option<string>("--format") { Description = CliText.ReportFormat, DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "html");
        var file = new Option<string?>("--file") { Description = CliText.ReportFile };
        var command = new Command("report", CliText.Report) { quarter, asOf, format, file };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            var labels = Labels.For(ctx.Settings.UiLanguage ?? Lang.Ru); // the report's readers read Russian unless told otherwise
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var figures = await ReportFigures.LoadAsync(db, ctx.Data.Calendar, q, date, ct).ConfigureAwait(false);
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
}
