using System.CommandLine;
using System.Text;
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
            var workbook = parse.GetValue(format) == "xlsx" ? Workbook.CheckTarget(parse.GetValue(file) is { } f ? ctx.Settings.Resolve(f) : null) : null;
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var list = await ReportLoader.MissingCertificatesAsync(db, q, ct).ConfigureAwait(false);
            ctx.Log.Information("Certificates missing for {Quarter}: {Count} case(s)", q.ToString(), list.Count);
            if (workbook is not null)
            {
                await Workbook.WriteAsync(workbook, labels.Lang != "en", wb => MissingCertificatesWorkbook.WriteAsync(wb, list, labels), ct).ConfigureAwait(false);
                return ReportCommand.Wrote(ctx, workbook, MissingCertificatesWriter.Json(q, list));
            }
            var fmt = ctx.Json ? "json" : parse.GetValue(format)!;
            var bytes = fmt switch
            {
                "csv" => MissingCertificatesWriter.Csv(list),
                "json" => Encoding.UTF8.GetBytes(MissingCertificatesWriter.Json(q, list)),
                _ => Encoding.UTF8.GetBytes(MissingCertificatesWriter.Markdown(q, list, labels)),
            };
            if (parse.GetValue(file) is { } path) AtomicFile.Write(ctx.Settings.Resolve(path), bytes);
            if (!ctx.Quiet || ctx.Json) ctx.Host.Out.Write(Encoding.UTF8.GetString(bytes));
            return ExitCodes.Done;
        });
        return new Command("certificates", CliText.Certificates) { missing };
    }
}
