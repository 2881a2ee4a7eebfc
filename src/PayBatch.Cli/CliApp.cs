using System.CommandLine;
using System.Globalization;
using PayBatch.Cli.Commands;
using PayBatch.Core.Domain;

namespace PayBatch.Cli;

/// <summary>Exit codes of SPEC.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int NeedsPerson = 3;
}

/// <summary>The global options, shared by every command.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Db { get; } = new("--db") { Description = "Connection string (default: SQLite file paybatch.db in the working directory)", Recursive = true };
    public Option<string?> Provider { get; } = new("--provider") { Description = "sqlite | sqlserver | postgres", Recursive = true };
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object on stdout and nothing else", Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log debug detail", Recursive = true };
    public Option<bool> Quiet { get; } = new("--quiet") { Description = "Print nothing but errors", Recursive = true };
}

/// <summary>Builds the command tree and runs one invocation, mapping every outcome to SPEC's exit codes.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken ct = default)
    {
        var g = new GlobalOptions();
        var root = new RootCommand("PayBatch: quarterly social-assistance payments — eligibility, bank files, reconciliation, reports.");
        root.Options.Add(g.Db);
        root.Options.Add(g.Provider);
        root.Options.Add(g.Json);
        root.Options.Add(g.Verbose);
        root.Options.Add(g.Quiet);
        var runner = new CommandRunner(host, g);
        root.Subcommands.Add(InitCommand.Build(runner));
        root.Subcommands.Add(ImportCommand.Build(runner));
        root.Subcommands.Add(RunCommand.Build(runner));
        root.Subcommands.Add(ReconcileCommand.Build(runner));
        root.Subcommands.Add(ReissueCommand.Build(runner));
        root.Subcommands.Add(SignCommand.Build(runner));
        root.Subcommands.Add(VerifyCommand.Build(runner));
        root.Subcommands.Add(CancelCommand.Build(runner));
        root.Subcommands.Add(PaymentCommand.Build(runner));
        root.Subcommands.Add(ReportCommand.Build(runner));
        root.Subcommands.Add(CalendarCommand.Build(runner));
        root.Subcommands.Add(HistoryCommand.Build(runner));
        root.Subcommands.Add(ConfigCommand.Build(runner));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var message = string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message));
            if (args.Contains("--json"))
                host.Out.WriteLine(CommandRunner.ErrorJson(ExitCodes.BadInput, message));
            await host.Error.WriteLineAsync(message + Environment.NewLine + "Run 'paybatch --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        var config = new InvocationConfiguration { Output = host.Out, Error = host.Error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(config, ct).ConfigureAwait(false);
    }

    public static Option<Quarter> QuarterOption(bool required = true) => new("--quarter")
    {
        Description = "The quarter, e.g. 2026Q1",
        Required = required,
        CustomParser = r =>
        {
            if (Quarter.TryParse(r.Tokens.SingleOrDefault()?.Value, out var q)) return q;
            r.AddError($"'{r.Tokens.SingleOrDefault()?.Value}' is not a quarter such as 2026Q1");
            return default;
        },
    };

    public static Option<BatchName> BatchOption() => new("--batch")
    {
        Description = "The batch, e.g. 2026Q1-01",
        Required = true,
        CustomParser = r =>
        {
            if (BatchName.TryParse(r.Tokens.SingleOrDefault()?.Value, out var b)) return b;
            r.AddError($"'{r.Tokens.SingleOrDefault()?.Value}' is not a batch such as 2026Q1-01");
            return default;
        },
    };

    public static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.SingleOrDefault()?.Value;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            r.AddError($"'{text}' is not a date (yyyy-MM-dd or dd.MM.yyyy)");
            return null;
        },
    };

    public static Option<BankFileFormat?> FormatOption() => new("--format")
    {
        Description = "Bank file format: csv | pain001 | mt102 (default: each bank's own, from the bank directory)",
        CustomParser = r =>
        {
            var text = r.Tokens.SingleOrDefault()?.Value;
            if (BankFileFormats.TryParse(text, out var f)) return f;
            r.AddError($"'{text}' is not a bank file format (csv, pain001, mt102)");
            return null;
        },
    };
}
