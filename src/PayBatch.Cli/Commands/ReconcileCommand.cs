using PayBatch.Core;
using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core.Reconciliation;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch reconcile FILE… [--as-of D]</c>: apply bank confirmations.</summary>
public static class ReconcileCommand
{
    private const int ShownFindings = 20;

    public static Command Build(CommandRunner runner)
    {
        var files = new Argument<string[]>("FILE") { Description = CliText.ReconcileFiles, Arity = ArgumentArity.OneOrMore };
        var asOf = CliApp.DateOption("--as-of", CliText.ReconcileAsOf);
        var outDir = new Option<string?>("--out") { Description = CliText.OptionOut };
        var command = new Command("reconcile", CliText.Reconcile) { files, asOf, outDir };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var paths = parse.GetValue(files)!.Select(ctx.Settings.Resolve).ToList();
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var progress = ctx.Progress();
            var o = await Resilience.RetryAsync(db, t => new Reconciler(db, ctx.Data, ctx.Clock, ctx.Log, ctx.Settings.PaymentTerms.Department.Iban)
                .ExecuteAsync(paths, date, ctx.Settings.OutputDirectory, progress, t), ct).ConfigureAwait(false);
            progress?.Done();
            foreach (var f in o.Files) ctx.InputHashes[Path.GetFileName(f.Path)] = f.Sha256;
            ctx.Changes = $"applied {o.Applied} confirmation(s), {o.Same} already recorded, {o.Findings.Count} finding(s)";
            var code = o.Findings.Count > 0 ? ExitCodes.NeedsPerson : ExitCodes.Done;
            ctx.Result(() => new JsonObject
            {
                ["ok"] = true,
                ["exitCode"] = code,
                ["asOf"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["files"] = new JsonArray(o.Files.Select(f => (JsonNode)new JsonObject
                {
                    ["file"] = Path.GetFileName(f.Path), ["kind"] = f.Kind, ["sha256"] = f.Sha256, ["lines"] = f.Count,
                }).ToArray()),
                ["applied"] = o.Applied,
                ["alreadyRecorded"] = o.Same,
                ["findings"] = new JsonArray(), // written one by one
                ["sla"] = new JsonObject(o.SlaCounts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["written"] = new JsonArray(o.Written.Select(w => (JsonNode)w).ToArray()),
            }, "findings", o.Findings, f => FindingJson(f.File, f.Line, f.Reference, f.Code, f.Detail), w =>
            {
                w.WriteLine(CliText.Reconciled.Format(o.Files.Sum(f => f.Count), o.Files.Count, o.Applied, o.Same, o.Findings.Count));
                foreach (var g in o.Findings.GroupBy(f => f.Code)) w.WriteLine($"  {g.Key}: {g.Count()}");
                foreach (var p in o.Written) w.WriteLine(CliText.Wrote.Format(p));
                if (code != ExitCodes.NeedsPerson) return;
                if (o.Written.Any(p => Path.GetFileName(p) == "findings.csv"))
                {
                    w.WriteLine(CliText.PersonMustAct);
                    return;
                }
                // No quarter of theirs has payments, so no findings.csv was written: the findings themselves.
                foreach (var f in o.Findings.Take(ShownFindings)) w.WriteLine($"  {f.File}:{f.Line}  {f.Reference}  {f.Code}  {f.Detail}");
                if (o.Findings.Count > ShownFindings) w.WriteLine(CliText.MoreFindings.Format(o.Findings.Count - ShownFindings));
                w.WriteLine(CliText.PersonMustActOnScreen);
            });
            return code;
        }, parse => new Dictionary<string, string?> { ["Output"] = parse.GetValue(outDir) });
        return command;
    }

    /// <summary>A finding as the JSON answers of <c>reconcile</c> and <c>findings</c> list it.</summary>
    internal static JsonObject FindingJson(string file, int? line, string reference, string code, string detail) => new()
    {
        ["file"] = file, ["line"] = line, ["reference"] = reference, ["finding"] = code, ["detail"] = detail,
    };
}
