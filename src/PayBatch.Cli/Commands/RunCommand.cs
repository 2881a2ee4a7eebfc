using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PayBatch.Core.Batches;
using PayBatch.Core;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;
using PayBatch.Core.Release;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch run --quarter Q …</c>: the main job.</summary>
public static class RunCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var valueDate = CliApp.DateOption("--value-date", CliText.OptionValueDate);
        var format = CliApp.FormatOption();
        var outDir = new Option<string?>("--out") { Description = CliText.OptionOut };
        var recipients = new Option<string?>("--recipients") { Description = CliText.RunRecipients };
        var certificates = new Option<string?>("--certificates") { Description = CliText.RunCertificates };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.RunDryRun };
        var command = new Command("run", CliText.Run)
        {
            quarter, valueDate, format, outDir, recipients, certificates, dryRun,
        };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var dry = parse.GetValue(dryRun);
            foreach (var f in new[] { parse.GetValue(recipients), parse.GetValue(certificates) }.OfType<string>())
                if (!File.Exists(ctx.Settings.Resolve(f))) throw new InputException(CoreText.FileNotFound, ctx.Settings.Resolve(f));
            await using var real = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var release = ctx.Settings.Release;
            var request = new RunRequest(parse.GetValue(quarter), parse.GetValue(valueDate), parse.GetValue(format), ctx.Settings.OutputDirectory, dry,
                release.RequiredSignatures > 0);
            QuarterRun.Check(ctx.Data, ctx.Settings.PaymentTerms, ctx.Clock, request); // refuse a bad value date, quarter or payer before importing anything: exit 2 changes nothing
            var importing = parse.GetValue(recipients) is not null || parse.GetValue(certificates) is not null;
            // A dry run that imports does so into a copy, and decides there: the real database is not touched.
            await using var scratch = dry && importing
                ? await ScratchCopy.MakeAsync(real, CliText.DryRunCannotImport, [.. ctx.Host.Interceptors], ctx.Log, ct).ConfigureAwait(false)
                : null;
            var db = scratch?.Db ?? real;
            var run = new QuarterRun(db, ctx.Data, ctx.Settings.PaymentTerms, ctx.Clock, ctx.Log);
            var imports = new JsonArray();
            var recorded = scratch is null; // an import into the copy changed nothing: the audit does not say it did
            if (parse.GetValue(recipients) is { } r)
                imports.Add(ImportCommand.ToJson(await ImportCommand.ImportFileAsync(ctx, db, ctx.Settings.Resolve(r), true, ct, recorded).ConfigureAwait(false), "recipients"));
            if (parse.GetValue(certificates) is { } c)
                imports.Add(ImportCommand.ToJson(await ImportCommand.ImportFileAsync(ctx, db, ctx.Settings.Resolve(c), false, ct, recorded).ConfigureAwait(false), "certificates"));

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
                if (NextStep(outcome.Batch, outcome.DryRun, release) is { } next) w.WriteLine(CliText.AwaitingSignatures.Format(release.RequiredSignatures, next));
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
            ["state"] = b is null ? null : Codes.Of(release.InitialState),
            ["next"] = NextStep(b, o.DryRun, release),
            ["valueDate"] = o.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["mrp"] = o.Mrp,
            ["coefficient"] = o.Coefficient,
            ["amountPerChild"] = o.AmountPerChild.ToString(),
            ["currency"] = "KZT",
            ["count"] = b?.Payments.Count ?? 0,
            ["total"] = (b?.Total ?? Tenge.Zero).ToString(),
            ["excluded"] = o.Excluded.Total,
            ["folder"] = o.Folder,
            ["files"] = FilesJson(o.Files),
            ["exclusionsByReason"] = new JsonObject(o.Excluded.InReasonOrder.Select(x => KeyValuePair.Create(x.Reason.Code(), (JsonNode?)x.Count))),
            ["restored"] = new JsonArray(o.Restored.Select(p => (JsonNode)p).ToArray()),
            ["imports"] = imports,
        };
    }

    /// <summary>CSV files may go out without a KNP, but the accountant must know before handing them over.</summary>
    internal static void WarnIfNoKnp(CliContext ctx, Batch? batch)
    {
        if (batch is null || batch.Terms.Knp is not null) return;
        ctx.Log.Warning("Payment:Knp is not set: the knp column of the CSV bank files is empty");
        ctx.Say(CliText.Warning.Format(CliText.KnpMissing));
    }

    /// <summary>The bank files of a batch, as manifest.json lists them.</summary>
    internal static JsonArray FilesJson(IEnumerable<BatchFile> files) =>
        new(files.Where(f => f.Bic is not null).Select(f => (JsonNode)new JsonObject
        {
            ["bic"] = f.Bic, ["file"] = f.FileName, ["format"] = f.Format?.Name(), ["count"] = f.Count, ["total"] = f.Total.ToString(), ["sha256"] = f.Sha256,
        }).ToArray());

    private static void Human(RunOutcome o, TextWriter w)
    {
        var b = o.Batch;
        var prefix = o.DryRun ? CliText.DryRunPrefix.ToString() : "";
        if (b is null)
        {
            w.WriteLine(CliText.RunNobody.Format(prefix, o.Quarter, o.Excluded.Total));
        }
        else
        {
            w.WriteLine((o.DryRun ? CliText.RunBatchDry : CliText.RunBatch).Format(prefix, o.Quarter, b.NumberText, b.Payments.Count, o.AmountPerChild,
                o.Mrp, b.Total, o.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Excluded.Total, new Num(o.Coefficient)));
            foreach (var f in o.Files.Where(f => f.Bic is not null))
                w.WriteLine(CliText.RunFile.Format(f.FileName, f.Format?.Name(), f.Count, f.Total));
            if (!o.DryRun) w.WriteLine(CliText.FilesWritten.Format(o.Folder));
        }
        foreach (var (reason, count) in o.Excluded.InOrderSeen)
            w.WriteLine(CliText.Excluded.Format(reason.Code(), count));
        foreach (var p in o.Restored) w.WriteLine(CliText.Recreated.Format(p));
    }
}
