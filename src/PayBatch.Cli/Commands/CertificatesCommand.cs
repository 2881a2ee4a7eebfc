using System.CommandLine;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;
using PayBatch.Core.Workbooks;

namespace PayBatch.Cli.Commands;

/// <summary>
/// <c>paybatch certificates missing --quarter Q [--format md|csv|json|xlsx] [--file F]</c>: the approved cases whose
/// child has no school certificate for Q, by district. A list, not a finding: exit 0.
/// </summary>
public static class CertificatesCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var format = new Option<string>("--format") { Description = CliText.MissingFormat, DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json", "xlsx");
        var file = new Option<string?>("--file") { Description = CliText.MissingFile };
        var missing = new Command("missing", CliText.CertificatesMissing) { quarter, format, file };
        runner.Handle(missing, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var labels = Labels.For(Langs.Current);
            var target = Workbook.CheckFile(parse.GetValue(file) is { } f ? ctx.Settings.Resolve(f) : null, parse.GetValue(format)!, "missing");
            var workbook = parse.GetValue(format) == "xlsx" ? target : null;
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var list = ReportLoader.MissingCertificatesOf(db, q, ct);
            ctx.Log.Information("Certificates missing for {Quarter}: {Count} case(s)", q.ToString(), list.Count);
            if (workbook is not null)
            {
                await Workbook.WriteAsync(workbook, labels.Lang != "en", wb => MissingCertificatesWorkbook.WriteAsync(wb, list, labels), ct).ConfigureAwait(false);
                if (!ctx.Json)
                {
                    ctx.Say(CliText.Wrote.Format(workbook));
                    return ExitCodes.Done;
                }
                using var answer = new TextWriterStream(ctx.Host.Out); // the list as JSON, written as it is made
                MissingCertificatesWriter.WriteJson(q, list, answer);
                return ExitCodes.Done;
            }
            var fmt = ctx.Json ? "json" : parse.GetValue(format)!;
            // Written as it is made, to the file and then to the screen: a million cases are 200 MB of text.
            Action<Stream> write = fmt switch
            {
                "csv" => s => MissingCertificatesWriter.WriteCsv(list, s),
                "json" => s => MissingCertificatesWriter.WriteJson(q, list, s),
                _ => s => MissingCertificatesWriter.WriteMarkdown(q, list, labels, s),
            };
            if (target is not null) AtomicFile.Write(target, write);
            if (!ctx.Quiet || ctx.Json)
            {
                using var screen = new TextWriterStream(ctx.Host.Out);
                write(screen);
            }
            return ExitCodes.Done;
        });
        return new Command("certificates", CliText.Certificates) { missing };
    }
}
