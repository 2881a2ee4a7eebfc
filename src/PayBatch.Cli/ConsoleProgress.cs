using PayBatch.Cli.Localization;
using PayBatch.Core;
using PayBatch.Core.Localization;

namespace PayBatch.Cli;

/// <summary>A one-line progress bar on stderr, redrawn in place; only ever created for a terminal.</summary>
public sealed class ConsoleProgress(TextWriter error) : IProgress<ProgressInfo>
{
    private const int Width = 24;
    private string? _stage;

    public void Report(ProgressInfo p)
    {
        if (_stage is not null && _stage != p.Stage) error.WriteLine();
        _stage = p.Stage;
        var bar = p.Percent is int pct
            ? "[" + new string('#', pct * Width / 100).PadRight(Width, '-') + $"] {pct,3}%"
            : "[" + new string('.', Width) + "]     ";
        // The count grouped as the language the person chose writes numbers (--lang), not as the machine's culture does.
        error.Write(string.Create(Langs.Current.Culture(), $"\r{Label(p.Stage),-14} {bar} {p.Count,12:N0}"));
    }

    private static readonly Message[] Stages = [CliText.StageRecipients, CliText.StageCertificates, CliText.StageConfirmations, CliText.StageDeciding];

    /// <summary>The core names its stages in English; a person reads them in their language.</summary>
    private static string Label(string stage) => Stages.FirstOrDefault(s => s.En == stage)?.ToString() ?? stage;

    /// <summary>Ends the bar's line, if one was drawn.</summary>
    public void Done()
    {
        if (_stage is not null) error.WriteLine();
        _stage = null;
    }
}
