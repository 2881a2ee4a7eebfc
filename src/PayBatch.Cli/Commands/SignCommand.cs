using System.CommandLine;
using PayBatch.Cli.Localization;
using System.Text.Json.Nodes;
using PayBatch.Core;
using PayBatch.Core.Domain;
using PayBatch.Core.Release;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch sign --batch 2026Q1-01 --certificate KEY.p12 [--password-env VAR]</c>: one of the two signatures.</summary>
public static class SignCommand
{
    public static Command Build(CommandRunner runner)
    {
        var batch = CliApp.BatchOption();
        var certificate = new Option<string>("--certificate") { Description = CliText.SignCertificate, Required = true };
        var passwordEnv = new Option<string?>("--password-env")
        {
            Description = CliText.SignPasswordEnv,
        };
        var outDir = new Option<string?>("--out") { Description = CliText.OptionOut };
        var command = new Command("sign", CliText.Sign)
        {
            batch, certificate, passwordEnv, outDir,
        };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var name = parse.GetValue(batch);
            var keyFile = ctx.Settings.Resolve(parse.GetValue(certificate)!);
            var policy = ctx.Settings.Release;
            using var key = SigningKey.Load(keyFile, Password.Read(ctx, parse.GetValue(passwordEnv), keyFile));
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var o = await Resilience.RetryAsync(db, t => new BatchSigning(db, policy, ctx.Settings.PaymentTerms.Department.Bin, ctx.Clock, ctx.Log)
                .ExecuteAsync(name, key, ctx.Settings.OutputDirectory, t), ct).ConfigureAwait(false);
            var released = o.Release.State == BatchState.Released;
            var who = $"{o.Signer.Name}, IIN {Iin.Mask(o.Signer.Iin.Value)}, certificate sha256 {o.Signer.Thumbprint}";
            ctx.Changes = $"signed batch {name} as {o.Role.Code()}: {who}{(released ? "; batch released" : "")}";
            var next = released ? $"paybatch verify --batch {name}" : $"paybatch sign --batch {name} --certificate KEY.p12";
            ctx.Result(new JsonObject
            {
                ["ok"] = true,
                ["batch"] = name.ToString(),
                ["role"] = o.Role.Code(),
                ["signer"] = new JsonObject { ["name"] = o.Signer.Name, ["iin"] = Iin.Mask(o.Signer.Iin.Value), ["thumbprint"] = o.Signer.Thumbprint },
                ["state"] = Codes.Of(o.Release.State),
                ["signatures"] = o.Release.Signatures.Count,
                ["required"] = policy.RequiredSignatures,
                ["signed"] = new JsonArray(o.Written.Select(p => (JsonNode)Path.GetFileName(p)).ToArray()),
                ["next"] = next,
            }, w =>
            {
                w.WriteLine(CliText.Signed.Format(name, o.Role.Code(), o.Signer.Name, Iin.Mask(o.Signer.Iin.Value), o.Written.Count));
                w.WriteLine(released ? CliText.SignReleased.Format(next) : CliText.SignAwaiting.Format(policy.RequiredSignatures - o.Release.Signatures.Count, next));
            });
            return ExitCodes.Done;
        }, parse => new Dictionary<string, string?> { ["Output"] = parse.GetValue(outDir) });
        return command;
    }
}
