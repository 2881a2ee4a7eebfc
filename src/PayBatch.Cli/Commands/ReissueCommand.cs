using PayBatch.Core.Domain;
using PayBatch.Core;
using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core.Localization;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch reissue --quarter Q [--value-date D] [--all-rejected]</c>.</summary>
public static class ReissueCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var valueDate = CliApp.DateOption("--value-date", CliText.OptionValueDate);
        var all = new Option<bool>("--all-rejected") { Description = CliText.ReissueAll };
        var format = CliApp.FormatOption();
        var outDir = new Option<string?>("--out") { Description = CliText.OptionOut };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.ReissueDryRun };
        var command = new Command("reissue", CliText.Reissue) { quarter, valueDate, all, format, outDir, dryRun };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var release = ctx.Settings.Release;
            var request = new ReissueRequest(parse.GetValue(quarter), parse.GetValue(valueDate), parse.GetValue(format),
                ctx.Settings.OutputDirectory, parse.GetValue(all), parse.GetValue(dryRun), release.RequiredSignatures > 0);
            var o = await Resilience.RetryAsync(db, t => new Reissue(db, ctx.Data, ctx.Settings.PaymentTerms, ctx.Clock, ctx.Log)
                .ExecuteAsync(request, t), ct).ConfigureAwait(false);
            var b = o.Batch;
            if (!o.DryRun) ctx.Changes = b is null ? "no re-issue" : $"created re-issue batch {b.Quarter}-{b.NumberText}: {b.Payments.Count} payments, {b.Total} KZT{RunCommand.Awaiting(release)}";
            RunCommand.WarnIfNoKnp(ctx, b);
            ctx.Result(new JsonObject
            {
                ["ok"] = true,
                ["dryRun"] = o.DryRun,
                ["created"] = b is not null && !o.DryRun,
                ["quarter"] = request.Quarter.ToString(),
                ["batch"] = b?.NumberText,
                ["state"] = b is null ? null : Codes.Of(release.InitialState),
                ["next"] = RunCommand.NextStep(b, o.DryRun, release),
                ["valueDate"] = b?.ValueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["count"] = b?.Payments.Count ?? 0,
                ["total"] = (b?.Total ?? default).ToString(),
                ["folder"] = o.Folder,
                ["files"] = RunCommand.FilesJson(o.Files),
                ["notReissued"] = new JsonArray(o.Skipped.Select(s => (JsonNode)new JsonObject
                {
                    ["reference"] = s.Reference, ["caseId"] = s.CaseId, ["why"] = s.Why.In(Lang.En),
                }).ToArray()),
            }, w =>
            {
                w.WriteLine(b is null
                    ? CliText.NothingToReissue.Format(request.Quarter)
                    : CliText.Reissued.Format(o.DryRun ? CliText.DryRunPrefix : "", request.Quarter, b.NumberText, b.Payments.Count, b.Total,
                        b.ValueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                foreach (var s in o.Skipped) w.WriteLine(CliText.NotReissued.Format(s.Reference, s.CaseId, s.Why));
                if (RunCommand.NextStep(b, o.DryRun, release) is { } next) w.WriteLine(CliText.AwaitingSignatures.Format(release.RequiredSignatures, next));
            });
            return ExitCodes.Done;
        }, parse => new Dictionary<string, string?> { ["Output"] = parse.GetValue(outDir) });
        return command;
    }
}
