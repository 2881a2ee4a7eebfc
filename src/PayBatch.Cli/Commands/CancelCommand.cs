using System.CommandLine;
using PayBatch.Cli.Localization;
using System.Text.Json.Nodes;
using PayBatch.Core.Domain;
using PayBatch.Core;
using PayBatch.Core.Release;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch cancel --batch 2026Q1-02 --reason TEXT</c>: void a batch that is not released.</summary>
public static class CancelCommand
{
    public static Command Build(CommandRunner runner)
    {
        var batch = CliApp.BatchOption();
        var reason = new Option<string>("--reason") { Description = CliText.CancelReason, Required = true };
        var outDir = new Option<string?>("--out") { Description = CliText.OptionOut };
        var command = new Command("cancel", CliText.Cancel) { batch, reason, outDir };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var name = parse.GetValue(batch);
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var record = await Resilience.RetryAsync(db, t => new BatchCancel(db, ctx.Clock, ctx.Log)
                .ExecuteAsync(name, parse.GetValue(reason)!, ctx.Settings.OutputDirectory, t), ct).ConfigureAwait(false);
            ctx.Changes = $"cancelled batch {name}: {record.Cancelled!.Reason}";
            ctx.Result(new JsonObject
            {
                ["ok"] = true,
                ["batch"] = name.ToString(),
                ["state"] = Codes.Of(record.State),
                ["cancelled"] = new JsonObject
                {
                    ["reason"] = record.Cancelled.Reason, ["by"] = record.Cancelled.By, ["at"] = ReleaseRecord.Time(record.Cancelled.AtUtc),
                },
            }, w => w.WriteLine(CliText.BatchCancelled.Format(name)));
            return ExitCodes.Done;
        }, parse => new Dictionary<string, string?> { ["Output"] = parse.GetValue(outDir) });
        return command;
    }
}
