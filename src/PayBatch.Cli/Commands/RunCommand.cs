using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core;
using PayBatch.Core.Domain;
using PayBatch.Core.Release;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch run --quarter Q …</c>: the main job.</summary>
public static class RunCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var valueDate = CliApp.DateOption("--value-date", "Value date: a banking day (default: the first banking day on or after today)");
        var format = CliApp.FormatOption();
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: setting Output, 'out')" };
        var recipients = new Option<string?>("--recipients") { Description = "Import this registry file first" };
        var certificates = new Option<string?>("--certificates") { Description = "Import this certificates file first" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report exactly as a real run, but change and write nothing" };
        var command = new Command("run", "Pay the quarter: import the given files, verify eligibility, compute amounts, create the batch, write the bank files")
        {
            quarter, valueDate, format, outDir, recipients, certificates, dryRun,
        };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var dry = parse.GetValue(dryRun);
            foreach (var f in new[] { parse.GetValue(recipients), parse.GetValue(certificates) }.OfType<string>())
                if (!File.Exists(ctx.Settings.Resolve(f))) throw new InputException($"{ctx.Settings.Resolve(f)}: file not found");
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            if (dry && (parse.GetValue(recipients) is not null || parse.GetValue(certificates) is not null))
                throw new InputException("--dry-run changes nothing, so it cannot import --recipients/--certificates; import them first or drop --dry-run");
            var release = ctx.Settings.Release;
            var request = new RunRequest(parse.GetValue(quarter), parse.GetValue(valueDate), parse.GetValue(format), ctx.Settings.OutputDirectory, dry,
                release.RequiredSignatures > 0);
            var run = new QuarterRun(db, ctx.Data, ctx.Settings.PaymentTerms, ctx.Clock, ctx.Log);
            run.Check(request); // refuse a bad value date, quarter or payer before importing anything: exit 2 changes nothing
            var imports = new JsonArray();
            if (parse.GetValue(recipients) is { } r)
                imports.Add(ImportCommand.ToJson(await ImportCommand.ImportFileAsync(ctx, db, ctx.Settings.Resolve(r), true, ct).ConfigureAwait(false), "recipients"));
            if (parse.GetValue(certificates) is { } c)
                imports.Add(ImportCommand.ToJson(await ImportCommand.ImportFileAsync(ctx, db, ctx.Settings.Resolve(c), false, ct).ConfigureAwait(false), "certificates"));

            var progress = ctx.Progress();
            var outcome = await Resilience.RetryAsync(db, t => run.ExecuteAsync(request, progress, t), ct).ConfigureAwait(false);
            progress?.Done();
            if (!outcome.DryRun)
                ctx.Changes = (ctx.Changes + (outcome.Batch is { } b
                    ? $" created batch {b.Quarter}-{b.NumberText}: {b.Payments.Count} payments, {b.Total} KZT, {b.Exclusions.Count} excluded{Awaiting(release)}"
                    : " no batch (nobody left to pay)") + (outcome.Restored.Count > 0 ? $"; re-created {outcome.Restored.Count} lost file(s)" : "")).Trim();
            WarnIfNoKnp(ctx, outcome.Batch);
            ctx.Result(ToJson(outcome, imports, release), w =>
            {
                Human(outcome, w);
                if (NextStep(outcome.Batch, outcome.DryRun, release) is { } next) w.WriteLine($"Prepared: awaiting {release.RequiredSignatures} signature(s). Next: {next}");
            });
            return ExitCodes.Done;
        }, parse => new Dictionary<string, string?> { ["Output"] = parse.GetValue(outDir) });
        return command;
    }

    /// <summary>For the audit trail: a batch that awaits signatures says so.</summary>
    internal static string Awaiting(ReleasePolicy release) =>
        release.RequiredSignatures == 0 ? "" : $"; prepared, awaiting {release.RequiredSignatures} signature(s)";

    /// <summary>The command that follows a batch awaiting signatures; null when it is released as written.</summary>
    internal static string? NextStep(Batch? batch, bool dryRun, ReleasePolicy release) =>
        batch is null || dryRun || release.RequiredSignatures == 0 ? null
            : $"paybatch sign --batch {batch.Quarter}-{batch.NumberText} --certificate KEY.p12";

    private static JsonObject ToJson(RunOutcome o, JsonArray imports, ReleasePolicy release)
    {
        var b = o.Batch;
        return new JsonObject
        {
            ["ok"] = true,
            ["dryRun"] = o.DryRun,
            ["created"] = b is not null && !o.DryRun,
            ["quarter"] = o.Quarter.ToString(),
            ["batch"] = b?.NumberText,
            ["state"] = b is null ? null : release.InitialState,
            ["next"] = NextStep(b, o.DryRun, release),
            ["valueDate"] = o.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["mrp"] = o.Mrp,
            ["coefficient"] = o.Coefficient,
            ["amountPerChild"] = o.AmountPerChild.ToString(),
            ["currency"] = "KZT",
            ["count"] = b?.Payments.Count ?? 0,
            ["total"] = (b?.Total ?? Tenge.Zero).ToString(),
            ["excluded"] = o.Exclusions.Count,
            ["folder"] = o.Folder,
            ["files"] = FilesJson(o.Files),
            ["exclusionsByReason"] = ByReason(o.Exclusions),
            ["restored"] = new JsonArray(o.Restored.Select(p => (JsonNode)p).ToArray()),
            ["imports"] = imports,
        };
    }

    /// <summary>CSV files may go out without a KNP, but the accountant must know before handing them over.</summary>
    internal static void WarnIfNoKnp(CliContext ctx, Batch? batch)
    {
        if (batch is null || batch.Terms.Knp is not null) return;
        ctx.Log.Warning("Payment:Knp is not set: the knp column of the CSV bank files is empty");
        ctx.Say("warning: Payment:Knp is not set, so the knp column of the CSV bank files is empty; set it (agreed with the treasury) before the files go to the banks");
    }

    /// <summary>The bank files of a batch, as manifest.json lists them.</summary>
    internal static JsonArray FilesJson(IEnumerable<BatchFile> files) =>
        new(files.Where(f => f.Bic is not null).Select(f => (JsonNode)new JsonObject
        {
            ["bic"] = f.Bic, ["file"] = f.FileName, ["format"] = f.Format, ["count"] = f.Count, ["total"] = f.Total.ToString(), ["sha256"] = f.Sha256,
        }).ToArray());

    private static JsonObject ByReason(IEnumerable<Exclusion> exclusions)
    {
        var json = new JsonObject();
        foreach (var g in exclusions.SelectMany(e => e.Reasons).GroupBy(r => r).OrderBy(g => Core.Eligibility.Reasons.TryParse(g.Key, out var r) ? (int)r : 99))
            json[g.Key] = g.Count();
        return json;
    }

    private static void Human(RunOutcome o, TextWriter w)
    {
        var b = o.Batch;
        var prefix = o.DryRun ? "[dry run] " : "";
        if (b is null)
        {
            w.WriteLine($"{prefix}{o.Quarter}: nobody left to pay; no batch created ({o.Exclusions.Count} case(s) not paid).");
        }
        else
        {
            w.WriteLine($"{prefix}{o.Quarter} batch {b.NumberText}{(o.DryRun ? " would pay" : ":")} {b.Payments.Count} payment(s) × {o.AmountPerChild} KZT " +
                        $"(6.5 × MRP {o.Mrp}) = {b.Total} KZT, value date {o.ValueDate:yyyy-MM-dd}; {o.Exclusions.Count} case(s) excluded.");
            foreach (var f in o.Files.Where(f => f.Bic is not null))
                w.WriteLine($"  {f.FileName,-16} {f.Format,-8} {f.Count,6} payment(s) {f.Total,16} KZT");
            if (!o.DryRun) w.WriteLine($"Files written to {o.Folder}");
        }
        foreach (var g in o.Exclusions.SelectMany(e => e.Reasons).GroupBy(r => r))
            w.WriteLine($"  excluded {g.Key}: {g.Count()}");
        foreach (var p in o.Restored) w.WriteLine($"Re-created missing file {p}");
    }
}
