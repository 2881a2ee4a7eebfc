using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using PayBatch.Cli.Localization;
using PayBatch.Core.Localization;

namespace PayBatch.Tests.Localization;

public partial class CatalogueTests
{
    /// <summary>Every message of the catalogue: the static Message fields of the core and the command line.</summary>
    public static IEnumerable<(string Name, Message Message)> Catalogue() =>
        new[] { typeof(CoreText).Assembly, typeof(CliText).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Message))
                .Select(f => ($"{t.Name}.{f.Name}", (Message)f.GetValue(null)!)));

    [Fact]
    public void The_catalogue_is_found()
    {
        var names = Catalogue().Select(c => c.Name).ToList();
        Assert.Contains("CoreText.FileNotFound", names);
        Assert.Contains("CliText.Run", names);
        Assert.Contains("CommandLineText.HelpUsageTitle", names);
        Assert.True(names.Count > 100, $"only {names.Count} messages found");
    }

    [Fact]
    public void Every_message_is_in_English_Russian_and_Kazakh_with_the_same_placeholders()
    {
        var problems = new List<string>();
        foreach (var (name, m) in Catalogue())
        {
            foreach (var (lang, text) in new[] { ("en", m.En), ("ru", m.Ru), ("kk", m.Kk) })
                if (string.IsNullOrWhiteSpace(text)) problems.Add($"{name}: no {lang} text");
            if (m.Ru == m.En) problems.Add($"{name}: ru is the English text");
            if (m.Kk == m.En) problems.Add($"{name}: kk is the English text");
            if (m.Kk == m.Ru) problems.Add($"{name}: kk is the Russian text");
            var placeholders = Placeholders(m.En);
            if (!Placeholders(m.Ru).SetEquals(placeholders)) problems.Add($"{name}: ru placeholders differ from en");
            if (!Placeholders(m.Kk).SetEquals(placeholders)) problems.Add($"{name}: kk placeholders differ from en");
            if (Regex.IsMatch(m.En, "[a-zA-Z]{2,}"))
                foreach (var (lang, text) in new[] { ("ru", m.Ru), ("kk", m.Kk) })
                    if (!Regex.IsMatch(text, "[а-яёәғқңөұүһі]", RegexOptions.IgnoreCase)) problems.Add($"{name}: {lang} has no Cyrillic letter");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_Kazakh_texts_are_written_with_the_Kazakh_letters()
    {
        var kk = string.Concat(Catalogue().Select(c => c.Message.Kk)).ToLowerInvariant();
        foreach (var letter in "әғқңөұүі")
            Assert.Contains(letter, kk);
    }

    [Fact]
    public void The_library_texts_are_System_CommandLine_resources_with_its_English_wording()
    {
        // The English is what the library prints when its satellite has no translation; the
        // translation matches it, so a library upgrade that rewords a text fails here.
        var resources = new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);
        foreach (var f in typeof(CommandLineText).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Message)))
            Assert.Equal(resources.GetString(f.Name, CultureInfo.InvariantCulture), ((Message)f.GetValue(null)!).En);
    }

    [Fact]
    public void The_library_ships_Russian_but_not_Kazakh()
    {
        var resources = new ResourceManager("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);
        Assert.Equal("Использование:", resources.GetString("HelpUsageTitle", CultureInfo.GetCultureInfo("ru-RU")));
        Assert.Equal("Usage:", resources.GetString("HelpUsageTitle", CultureInfo.GetCultureInfo("kk-KZ")));
    }

    [Fact]
    public void A_message_reads_in_the_current_UI_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk-KZ");
            Assert.Equal("a.csv: файл табылмады", CoreText.FileNotFound.Format("a.csv"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            Assert.Equal("a.csv: файл не найден", CoreText.FileNotFound.Format("a.csv"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("a.csv: file not found", CoreText.FileNotFound.Format("a.csv"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{([0-9]+)[,:}]")]
    private static partial Regex PlaceholderPattern();
}
