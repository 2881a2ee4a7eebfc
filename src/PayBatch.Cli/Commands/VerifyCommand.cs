using System.CommandLine;
using PayBatch.Cli.Localization;
using System.Text.Json.Nodes;
using PayBatch.Core.Domain;
using PayBatch.Core.Release;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch verify --batch 2026Q1-01</c>: every file against the database, every signature against its file.</summary>
public static class VerifyCommand
{
    public static Command Build(CommandRunner runner)
    {
        var batch = CliApp.BatchOption();
        var outDir = new Option<string?>("--out") { Description = CliText.OptionOut };
        var command = new Command("verify", CliText.Verify) { batch, outDir };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var name = parse.GetValue(batch);
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var o = await BatchVerification.ExecuteAsync(db, ctx.Settings.Release, name, ctx.Settings.OutputDirectory, ct).ConfigureAwait(false);
            var code = o.Findings.Count > 0 ? ExitCodes.NeedsPerson : ExitCodes.Done;
            ctx.Log.Information("Verified batch {Batch}: {Files} file(s), {Signatures} signature(s), {Findings} finding(s)",
                name.ToString(), o.FilesChecked, o.Release.Signatures.Count, o.Findings.Count);
            ctx.Result(new JsonObject
            {
                ["ok"] = true,
                ["exitCode"] = code,
                ["batch"] = name.ToString(),
                ["state"] = Codes.Of(o.Release.State),
                ["files"] = o.FilesChecked,
                ["signatures"] = new JsonArray(o.Release.Signatures.Select(s => (JsonNode)new JsonObject
                {
                    ["role"] = s.Role, ["name"] = s.Name, ["thumbprint"] = s.Thumbprint, ["signedAt"] = ReleaseRecord.Time(s.SignedAtUtc),
                }).ToArray()),
                ["findings"] = new JsonArray(o.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["file"] = f.File, ["finding"] = f.Code, ["detail"] = f.Detail,
                }).ToArray()),
            }, w =>
            {
                w.WriteLine(CliText.Verified.Format(name, Codes.Of(o.Release.State), o.FilesChecked, o.Release.Signatures.Count, o.Findings.Count));
                foreach (var f in o.Findings) w.WriteLine($"  {f.Code} {f.File}: {f.Detail}");
                if (code == ExitCodes.NeedsPerson) w.WriteLine(CliText.DoNotUpload);
            });
            return code;
        }, parse => new Dictionary<string, string?> { ["Output"] = parse.GetValue(outDir) });
        return command;
    }
}
