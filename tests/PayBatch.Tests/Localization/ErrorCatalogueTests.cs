using System.Text.RegularExpressions;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Localization;

/// <summary>
/// Every refusal a person reads comes from the catalogue: an <c>InputException</c> is built from a
/// catalogue message (<c>CoreText.X</c>, <c>CliText.X</c>) or from a <c>Message</c> parameter, never
/// from a string, so it reads in the chosen language and logs in English.
/// </summary>
public partial class ErrorCatalogueTests
{
    /// <summary>
    /// Files not yet translated, each with its exact count of string-built refusals. The count must match,
    /// so translating one fails here until the entry is lowered (or removed at zero).
    /// </summary>
    private static readonly Dictionary<string, int> Pending = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Every_InputException_is_built_from_a_catalogue_message()
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            var source = File.ReadAllText(file);
            foreach (Match m in Construction().Matches(source))
            {
                var argument = FirstArgument(source, m.Index + m.Length);
                if (!FromCatalogue(argument, source))
                    (found.TryGetValue(relative, out var list) ? list : found[relative] = []).Add($"line {Line(source, m.Index)}: {argument}");
            }
        }

        var problems = found.Where(f => !Pending.TryGetValue(f.Key, out var count) || count != f.Value.Count)
            .SelectMany(f => f.Value.Select(a => $"{f.Key} {a}"))
            .Concat(Pending.Where(p => (found.TryGetValue(p.Key, out var list) ? list.Count : 0) != p.Value)
                .Select(p => $"{p.Key}: Pending expects {p.Value} string-built refusal(s), found {(found.TryGetValue(p.Key, out var list) ? list.Count : 0)}; update Pending"))
            .ToList();
        Assert.True(problems.Count == 0, "InputException built from a string, not from the catalogue (CoreText/CliText):\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("\"plain\"", false)]
    [InlineData("$\"batch {name}\"", false)]
    [InlineData("@\"verbatim\"", false)]
    [InlineData("CliText.PasswordEnvUnset.Format(variable)", false)]
    [InlineData("message", false)]
    [InlineData("CoreText.BatchNotFound", true)]
    [InlineData("Localization.CoreText.OutputFolderNoDrive", true)]
    [InlineData("whenReleased", true)]
    public void The_rule_accepts_catalogue_messages_and_Message_parameters_only(string argument, bool accepted) =>
        Assert.Equal(accepted, FromCatalogue(argument, "public static void RequirePrepared(BatchRow row, Message whenReleased) { }"));

    [Fact]
    public void The_scan_reads_the_first_argument_across_nested_calls_and_strings()
    {
        foreach (var (source, first) in new[]
        {
            ("throw new InputException($\"a, {F(b, c)} (d\", x);", "$\"a, {F(b, c)} (d\""),
            ("throw new InputException(F(a, b), c);", "F(a, b)"),
            ("class E(string f) : InputException(CoreText.FileProblems, f);", "CoreText.FileProblems"),
        })
        {
            var m = Construction().Match(source);
            Assert.True(m.Success, source);
            Assert.Equal(first, FirstArgument(source, m.Index + m.Length));
        }
    }

    [Fact]
    public void Release_and_setting_refusals_read_in_the_chosen_language()
    {
        using var ws = new Workspace();
        ws.RunOk("init");
        Assert.Contains("2026Q1-01 пакеті жоқ", ws.Run("verify", "--batch", "2026Q1-01", "--lang", "kk").Error, StringComparison.Ordinal);
        Assert.Contains("пакета 2026Q1-01 нет", ws.Run("verify", "--batch", "2026Q1-01", "--lang", "ru").Error, StringComparison.Ordinal);
        Assert.Contains("there is no batch 2026Q1-01", ws.Run("verify", "--batch", "2026Q1-01").Error, StringComparison.Ordinal);

        ws.Environment["PAYBATCH_RELEASE__REQUIREDSIGNATURES"] = "3";
        var ru = ws.Run("verify", "--batch", "2026Q1-01", "--lang", "ru");
        Assert.Equal(2, ru.ExitCode);
        Assert.Contains("Release:RequiredSignatures '3' — не 0, 1 или 2", ru.Error, StringComparison.Ordinal);
        var log = string.Concat(Directory.GetFiles(ws.Path_("logs")).Select(File.ReadAllText));
        Assert.Contains("Release:RequiredSignatures '3' is not 0, 1 or 2", log, StringComparison.Ordinal);
        Assert.DoesNotContain("не 0, 1 или 2", log, StringComparison.Ordinal);
    }

    /// <summary>A catalogue entry (CoreText.X, CliText.X, …Text.X), or a parameter the same file declares as a Message.</summary>
    private static bool FromCatalogue(string argument, string source) =>
        CatalogueEntry().IsMatch(argument)
        || (Identifier().IsMatch(argument) && Regex.IsMatch(source, $@"\bMessage\s+{Regex.Escape(argument)}\b"));

    /// <summary>The text of the first argument of the call whose '(' ends at <paramref name="start"/>: up to the first top-level ',' or ')'.</summary>
    private static string FirstArgument(string source, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}' when depth > 0: depth--; break;
                case ')' or ',' when depth == 0: return source[start..i].Trim();
            }
        }
        return source[start..].Trim();
    }

    private static int Line(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    /// <summary>new InputException( … , new Domain.InputException( … , and a base call ": InputException(".</summary>
    [GeneratedRegex(@"(?:\bnew\s+|:\s*)(?:[\w.]+\.)?InputException\s*\(")]
    private static partial Regex Construction();

    [GeneratedRegex(@"^(?:[\w.]+\.)?(?:CoreText|CliText|CommandLineText)\.\w+$")]
    private static partial Regex CatalogueEntry();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();
}
