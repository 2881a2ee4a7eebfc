using System.CommandLine;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch report --quarter Q [--as-of D] [--format md|csv|json|html] [--lang ru|kk|en]</c>.</summary>
public static class ReportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var asOf = CliApp.DateOption("--as-of", "Report as of this date (default: today)");
        var format = new Option<string>("--format") { Description = "md | csv | json | html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "html");
        var lang = new Option<string>("--lang") { Description = "ru | kk | en", DefaultValueFactory = _ => "ru" };
        lang.AcceptOnlyFromAmong("ru", "kk", "en");
        var file = new Option<string?>("--file") { Description = "Also write the report to this file (readable by its owner only)" };
        var command = new Command("report", "The quarterly report with the standard's quality indicators") { quarter, asOf, format, lang, file };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            if (!Labels.TryGet(parse.GetValue(lang), out var labels)) throw new InputException("--lang must be ru, kk or en");
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var figures = await ReportLoader.FiguresAsync(db, ctx.Data.Calendar, q, date, ctx.Settings.PaymentTerms.Coefficient, ct).ConfigureAwait(false);
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
