using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PayBatch.Core.Persistence;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch init [--script]</c>: create or migrate the database, or print the SQL that would.</summary>
public static class InitCommand
{
    public static Command Build(CommandRunner runner)
    {
        var script = new Option<bool>("--script") { Description = CliText.InitScript };
        var command = new Command("init", CliText.Init) { script };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            if (parse.GetValue(script))
            {
                await using var design = DbFactory.Create(ctx.Settings.Provider, ctx.Settings.ConnectionString);
                // Servers get an idempotent script a DBA can run again; SQLite cannot have one (EF limitation).
                var options = design.Provider == DbProvider.Sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent;
                var sql = design.GetService<IMigrator>().GenerateScript(options: options);
                ctx.Result(new JsonObject { ["provider"] = ctx.Settings.Provider.ToString().ToLowerInvariant(), ["script"] = sql }, w => w.Write(sql));
                return ExitCodes.Done;
            }
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)).ToList();
            ctx.Changes = $"schema at {applied.LastOrDefault()}";
            ctx.Result(new JsonObject
            {
                ["ok"] = true,
                ["provider"] = db.Provider.ToString().ToLowerInvariant(),
                ["migrations"] = new JsonArray(applied.Select(m => (JsonNode)m).ToArray()),
            }, w => w.WriteLine(CliText.DatabaseReady.Format(db.Provider.ToString().ToLowerInvariant(), applied.Count)));
            return ExitCodes.Done;
        });
        return command;
    }
}
