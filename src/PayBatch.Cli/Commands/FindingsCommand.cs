using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PayBatch.Cli.Localization;
using PayBatch.Core.Persistence;

namespace PayBatch.Cli.Commands;

/// <summary>
/// <c>paybatch findings --quarter Q</c>: what the quarter's last reconcile found (besides overdue
/// payments, which <c>status</c> and the report count as of any date). The command <c>status</c> names.
/// </summary>
public static class FindingsCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var command = new Command("findings", CliText.Findings) { quarter };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter).ToString();
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var rows = await db.ReconcileFindingsOf(q).ToListAsync(ct).ConfigureAwait(false);
            ctx.Result(() => new JsonObject
            {
                ["quarter"] = q,
                ["count"] = rows.Count,
                ["findings"] = new JsonArray(), // written one by one
            }, "findings", rows, f => ReconcileCommand.FindingJson(f.File, f.Line, f.Reference, f.Code, f.Detail), w =>
            {
                if (rows.Count == 0) w.WriteLine(CliText.NoFindings.Format(q));
                foreach (var f in rows) w.WriteLine($"{f.File}:{f.Line}  {f.Reference}  {f.Code}  {f.Detail}");
            });
            return ExitCodes.Done;
        });
        return command;
    }
}
