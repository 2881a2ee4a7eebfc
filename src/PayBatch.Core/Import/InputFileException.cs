using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Import;

/// <summary>An input file that cannot be read: names the file, line and column. Nothing of it was applied.</summary>
public sealed class InputFileException(string file, IReadOnlyList<Said> problems)
    : InputException(CoreText.FileProblems, Path.GetFileName(file), problems.Count)
{
    public string File { get; } = file;
    public IReadOnlyList<Said> Problems { get; } = problems;

    public override string In(Lang lang) =>
        base.In(lang) + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", Problems.Select(p => p.In(lang)));
}
