using PayBatch.Core;
using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Domain;
using PayBatch.Core.Import;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch import recipients|certificates FILE</c>.</summary>
public static class ImportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var import = new Command("import", CliText.Import);
        import.Subcommands.Add(Sub(runner, "recipients", CliText.ImportRecipients, recipients: true));
        import.Subcommands.Add(Sub(runner, "certificates", CliText.ImportCertificates, recipients: false));
        return import;
    }

    private static Command Sub(CommandRunner runner, string name, string description, bool recipients)
    {
        var file = new Argument<string>("FILE") { Description = CliText.ArgumentCsvFile };
        var command = new Command(name, description) { file };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var path = ctx.Settings.Resolve(parse.GetValue(file)!);
            if (!File.Exists(path)) throw new InputException(CoreText.FileNotFound, path);
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var result = await ImportFileAsync(ctx, db, path, recipients, ct).ConfigureAwait(false);
            ctx.Result(ToJson(result, name), w => w.WriteLine(recipients
                ? CliText.ImportedRecipients.Format(result.Rows, Path.GetFileName(path), result.BankDetailChanges)
                : CliText.ImportedCertificates.Format(result.Rows, Path.GetFileName(path))));
            return ExitCodes.Done;
        });
        return command;
    }

    /// <param name="recorded">False for a dry run's import into a throw-away copy: the audit's changes do not name it.</param>
    internal static Task<ImportResult> ImportFileAsync(CliContext ctx, Core.Persistence.PayBatchDb db, string path, bool recipients, CancellationToken ct, bool recorded = true) =>
        Resilience.RetryAsync(db, async t =>
        {
            var importer = new Importer(db, ctx.Clock, ctx.Log);
            var progress = ctx.Progress();
            var r = recipients
                ? await importer.ImportRecipientsAsync(path, progress, t).ConfigureAwait(false)
                : await importer.ImportCertificatesAsync(path, progress, t).ConfigureAwait(false);
            progress?.Done();
            ctx.InputHashes[Path.GetFileName(path)] = r.Sha256;
            if (recorded)
                ctx.Changes = (ctx.Changes + $" imported {r.Rows} {(recipients ? "cases" : "certificates")} from {Path.GetFileName(path)}" +
                              (recipients ? $" ({r.BankDetailChanges} bank detail changes);" : ";")).Trim();
            return r;
        }, ct);

    internal static JsonObject ToJson(ImportResult r, string kind) => new()
    {
        ["kind"] = kind,
        ["file"] = Path.GetFileName(r.File),
        ["sha256"] = r.Sha256,
        ["rows"] = r.Rows,
        ["bankDetailChanges"] = r.BankDetailChanges,
    };
}
