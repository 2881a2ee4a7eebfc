using System.CommandLine;
using System.Text;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;

namespace PayBatch.Cli.Commands;

/// <summary>
/// <c>paybatch certificates missing --quarter Q [--format md|csv|json]</c>: the approved cases whose
/// child has no school certificate for Q, by district. A list, not a finding: exit 0.
/// </summary>
public static class CertificatesCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var format = new Option<string>("--format") { Description = CliText.MissingFormat, DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv", "json");
        var file = new Option<string?>("--file") { Description = CliText.MissingFile };
        var missing = new Command("missing", CliText.CertificatesMissing) { quarter, format, file };
        runner.Handle(missing, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var labels = Labels.For(Langs.Current);
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var list = await ReportLoader.MissingCertificatesAsync(db, q, ct).ConfigureAwait(false);
            ctx.Log.Information("Certificates missing for {Quarter}: {Count} case(s)", q.ToString(), list.Count);
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
