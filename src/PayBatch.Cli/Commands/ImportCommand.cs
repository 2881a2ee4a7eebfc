using PayBatch.Core;
using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Core.Domain;
using PayBatch.Core.Import;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch import recipients|certificates FILE</c>.</summary>
public static class ImportCommand
{
    public static Command Build(CommandRunner runner)
    {
        var import = new Command("import", "Load the registry of approved cases or the quarterly school certificates");
        import.Subcommands.Add(Sub(runner, "recipients", "Load the registry (upsert by case_id; changed bank details are kept in history)", recipients: true));
        import.Subcommands.Add(Sub(runner, "certificates", "Load quarterly school certificates", recipients: false));
        return import;
    }

    private static Command Sub(CommandRunner runner, string name, string description, bool recipients)
    {
        var file = new Argument<string>("FILE") { Description = "CSV file (',' or ';', UTF-8 or Windows-1251)" };
        var command = new Command(name, description) { file };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var path = ctx.Settings.Resolve(parse.GetValue(file)!);
            if (!File.Exists(path)) throw new InputException($"{path}: file not found");
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var result = await ImportFileAsync(ctx, db, path, recipients, ct).ConfigureAwait(false);
            ctx.Result(ToJson(result, name), w => w.WriteLine($"Imported {result.Rows} {name} from {Path.GetFileName(path)}" +
                (recipients ? $" ({result.BankDetailChanges} bank detail change(s) kept in history)." : ".")));
            return ExitCodes.Done;
        });
        return command;
    }

    internal static Task<ImportResult> ImportFileAsync(CliContext ctx, Core.Persistence.PayBatchDb db, string path, bool recipients, CancellationToken ct) =>
        Resilience.RetryAsync(db, async t =>
        {
            var importer = new Importer(db, ctx.Clock, ctx.Log);
            var progress = ctx.Progress();
            var r = recipients
                ? await importer.ImportRecipientsAsync(path, progress, t).ConfigureAwait(false)
                : await importer.ImportCertificatesAsync(path, progress, t).ConfigureAwait(false);
            progress?.Done();
            ctx.InputHashes[Path.GetFileName(path)] = r.Sha256;
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
