using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using PayBatch.Cli.Commands;
using PayBatch.Cli.Localization;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

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
    public Option<string?> Db { get; } = new("--db") { Description = CliText.OptionDb, Recursive = true };
    public Option<string?> Provider { get; } = new("--provider") { Description = CliText.OptionProvider, Recursive = true };
    public Option<bool> Json { get; } = new("--json") { Description = CliText.OptionJson, Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = CliText.OptionVerbose, Recursive = true };
    public Option<bool> Quiet { get; } = new("--quiet") { Description = CliText.OptionQuiet, Recursive = true };
    public Option<string?> Lang { get; } = LangOption();

    private static Option<string?> LangOption()
    {
        var lang = new Option<string?>("--lang") { Description = CliText.OptionLang, Recursive = true };
        lang.AcceptOnlyFromAmong("ru", "kk", "en");
        return lang;
    }
}

/// <summary>Builds the command tree and runs one invocation, mapping every outcome to SPEC's exit codes.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken ct = default)
    {
        // The language is chosen before the command tree is built and parsed, so help and parse
        // errors are in it too; the culture flows with this call only (concurrent runs keep theirs).
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Language(args, host).Culture();
        try
        {
            return await RunInLanguageAsync(args, host, ct).ConfigureAwait(false);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>--lang, else the setting Ui:Language, else the system's language when Russian or Kazakh, else English.</summary>
    internal static Lang Language(string[] args, CliHost host)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i] == "--lang" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal) ? args[i][7..]
                : null;
            if (Langs.TryParse(value, out var chosen)) return chosen;
        }
        try
        {
            if (Langs.TryParse(Settings.Load(host.WorkingDirectory, host.Environment, new Dictionary<string, string?>())[Settings.UiLanguageKey], out var set)) return set;
        }
        catch (InputException)
        {
            // an unreadable paybatch.json is reported by the command itself
        }
        return Langs.Of(host.UiCulture) ?? Lang.En;
    }

    /// <summary>The command tree, its descriptions in the current UI language.</summary>
    internal static RootCommand Build(CliHost host)
    {
        var g = new GlobalOptions();
        var root = new RootCommand(CliText.Root);
        root.Options.Add(g.Db);
        root.Options.Add(g.Provider);
        root.Options.Add(g.Json);
        root.Options.Add(g.Verbose);
        root.Options.Add(g.Quiet);
        root.Options.Add(g.Lang);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = CommandLineText.HelpOptionDescription;
            // Help for a file or a pipe is never wrapped, so it reads the same everywhere.
            if (!host.OutputIsTerminal && help.Action is HelpAction action) action.MaxWidth = int.MaxValue;
        }
        foreach (var version in root.Options.OfType<VersionOption>()) version.Description = CommandLineText.VersionOptionDescription;
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
        root.Subcommands.Add(StatusCommand.Build(runner));
        root.Subcommands.Add(CertificatesCommand.Build(runner));
        root.Subcommands.Add(FindingsCommand.Build(runner));
        root.Subcommands.Add(CalendarCommand.Build(runner));
        root.Subcommands.Add(HistoryCommand.Build(runner));
        root.Subcommands.Add(ConfigCommand.Build(runner));
        return root;
    }

    private static async Task<int> RunInLanguageAsync(string[] args, CliHost host, CancellationToken ct)
    {
        // No response files: PayBatch documents none, and '@x' is then an ordinary token ("--reason @ops" keeps its text).
        var parse = Build(host).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            var message = string.Join(Environment.NewLine, parse.Errors.Select(e => CommandLineText.Error(e.Message)));
            if (args.Contains("--json"))
                host.Out.WriteLine(CommandRunner.ErrorJson(ExitCodes.BadInput, message));
            await host.Error.WriteLineAsync(message + Environment.NewLine + CliText.SeeHelp).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        if (parse.Action is HelpAction)
        {
            // The library's help, with what it leaves in English in the chosen language.
            var help = new StringWriter(CultureInfo.InvariantCulture);
            var code = await parse.InvokeAsync(new InvocationConfiguration { Output = help, Error = host.Error }, ct).ConfigureAwait(false);
            await host.Out.WriteAsync(CommandLineText.Help(help.ToString())).ConfigureAwait(false);
            return code;
        }
        var config = new InvocationConfiguration { Output = host.Out, Error = host.Error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(config, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// An option's value for a command's validator, or its default when it did not parse ("--year abc"): asking
    /// System.CommandLine for it would throw instead, and the parser reports that error itself, localized.
    /// </summary>
    public static T? ValueIfParsed<T>(System.CommandLine.Parsing.CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    public static Option<Quarter> QuarterOption(bool required = true) => new("--quarter")
    {
        Description = CliText.OptionQuarter,
        Required = required,
        CustomParser = r =>
        {
            if (Quarter.TryParse(r.Tokens.SingleOrDefault()?.Value, out var q)) return q;
            r.AddError(CliText.QuarterInvalid.Format(r.Tokens.SingleOrDefault()?.Value));
            return default;
        },
    };

    public static Option<BatchName> BatchOption() => new("--batch")
    {
        Description = CliText.OptionBatch,
        Required = true,
        CustomParser = r =>
        {
            if (BatchName.TryParse(r.Tokens.SingleOrDefault()?.Value, out var b)) return b;
            r.AddError(CliText.BatchInvalid.Format(r.Tokens.SingleOrDefault()?.Value));
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
            r.AddError(CliText.DateInvalid.Format(text));
            return null;
        },
    };

    public static Option<BankFileFormat?> FormatOption() => new("--format")
    {
        Description = CliText.OptionBankFormat,
        CustomParser = r =>
        {
            var text = r.Tokens.SingleOrDefault()?.Value;
            if (BankFileFormats.TryParse(text, out var f)) return f;
            r.AddError(CliText.BankFormatInvalid.Format(text));
            return null;
        },
    };
}
