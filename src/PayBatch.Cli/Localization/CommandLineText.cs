using System.Text.RegularExpressions;
using PayBatch.Core.Localization;

namespace PayBatch.Cli.Localization;

/// <summary>
/// System.CommandLine's own texts. The library reads them from satellite assemblies keyed on the UI
/// culture, but ships no Kazakh one, and its Russian one leaves some texts in English (2.0.x). So
/// what it prints in English is translated here; a text its satellite already translated is left
/// as it is. Each field is named after the library's resource key, and its English is the library's.
/// </summary>
public static partial class CommandLineText
{
    public static readonly Message HelpDescriptionTitle = new("Description:", "Описание:", "Сипаттамасы:");
    public static readonly Message HelpUsageTitle = new("Usage:", "Использование:", "Қолданылуы:");
    public static readonly Message HelpArgumentsTitle = new("Arguments:", "Аргументы:", "Аргументтер:");
    public static readonly Message HelpOptionsTitle = new("Options:", "Параметры:", "Опциялар:");
    public static readonly Message HelpCommandsTitle = new("Commands:", "Команды:", "Пәрмендер:");
    public static readonly Message HelpUsageOptions = new("[options]", "[параметры]", "[опциялар]");
    public static readonly Message HelpUsageCommand = new("[command]", "[команда]", "[пәрмен]");

    /// <summary>In the first help column: no longer than the English, so the columns stay aligned.</summary>
    public static readonly Message HelpOptionsRequiredLabel = new("(REQUIRED)", "(обязат.)", "(міндетті)");

    public static readonly Message HelpArgumentDefaultValueLabel = new("default", "по умолчанию", "әдепкі");
    public static readonly Message HelpOptionDescription = new("Show help and usage information", "Показать справку и сведения об использовании", "Анықтама мен қолдану туралы мәліметті көрсету");
    public static readonly Message VersionOptionDescription = new("Show version information", "Показать информацию о версии", "Нұсқа туралы мәліметті көрсету");

    public static readonly Message UnrecognizedCommandOrArgument = new(
        "Unrecognized command or argument '{0}'.",
        "Нераспознанная команда или аргумент '{0}'.",
        "Танылмаған пәрмен немесе аргумент: '{0}'.");

    public static readonly Message RequiredOptionWasNotProvided = new(
        "Option '{0}' is required.",
        "Параметр '{0}' обязателен.",
        "'{0}' опциясы міндетті.");

    public static readonly Message RequiredCommandWasNotProvided = new(
        "Required command was not provided.",
        "Обязательная команда не указана.",
        "Міндетті пәрмен көрсетілмеген.");

    public static readonly Message CommandRequiredArgumentMissing = new(
        "Required argument missing for command: '{0}'.",
        "Отсутствует обязательный аргумент для команды: '{0}'.",
        "'{0}' пәрмені үшін міндетті аргумент жоқ.");

    public static readonly Message OptionRequiredArgumentMissing = new(
        "Required argument missing for option: '{0}'.",
        "Отсутствует обязательный аргумент для параметра: '{0}'.",
        "'{0}' опциясы үшін міндетті аргумент жоқ.");

    public static readonly Message OptionExpectsOneArgument = new(
        "Option '{0}' expects a single argument but {1} were provided.",
        "Параметр '{0}' принимает один аргумент, а указано: {1}.",
        "'{0}' опциясы бір аргумент күтеді, бірақ {1} берілді.");

    public static readonly Message UnrecognizedArgument = new(
        "Argument '{0}' not recognized. Must be one of:{1}",
        "Аргумент '{0}' не распознан. Он должен быть одним из следующих:{1}",
        "'{0}' аргументі танылмады. Мыналардың бірі болуы керек:{1}");

    public static readonly Message ArgumentConversionCannotParseForOption = new(
        "Cannot parse argument '{0}' for option '{1}' as expected type '{2}'.",
        "Не удалось разобрать аргумент '{0}' параметра '{1}' как значение типа '{2}'.",
        "'{1}' опциясының '{0}' аргументін күтілген '{2}' түрі ретінде талдау мүмкін емес.");

    public static readonly Message ArgumentConversionCannotParseForCommand = new(
        "Cannot parse argument '{0}' for command '{1}' as expected type '{2}'.",
        "Не удалось разобрать аргумент '{0}' команды '{1}' как значение типа '{2}'.",
        "'{1}' пәрменінің '{0}' аргументін күтілген '{2}' түрі ретінде талдау мүмкін емес.");

    public static readonly Message ArgumentConversionCannotParse = new(
        "Cannot parse argument '{0}' as expected type '{1}'.",
        "Не удалось разобрать аргумент '{0}' как значение типа '{1}'.",
        "'{0}' аргументін күтілген '{1}' түрі ретінде талдау мүмкін емес.");

    public static readonly Message VersionOptionCannotBeCombinedWithOtherArguments = new(
        "{0} option cannot be combined with other arguments.",
        "Параметр {0} нельзя сочетать с другими аргументами.",
        "{0} опциясын басқа аргументтермен бірге қолдануға болмайды.");

    public static readonly Message ResponseFileNotFound = new(
        "Response file not found '{0}'.",
        "Не удалось найти файл ответа '{0}'.",
        "'{0}' жауап файлы табылмады.");

    public static readonly Message ErrorReadingResponseFile = new(
        "Error reading response file '{0}': {1}",
        "Ошибка при чтении файла ответа '{0}': {1}",
        "'{0}' жауап файлын оқу қатесі: {1}");

    private static readonly Message[] Errors =
    [
        UnrecognizedCommandOrArgument, RequiredOptionWasNotProvided, RequiredCommandWasNotProvided, CommandRequiredArgumentMissing,
        OptionRequiredArgumentMissing, OptionExpectsOneArgument, UnrecognizedArgument, ArgumentConversionCannotParseForOption,
        ArgumentConversionCannotParseForCommand, ArgumentConversionCannotParse, VersionOptionCannotBeCombinedWithOtherArguments,
        ResponseFileNotFound, ErrorReadingResponseFile,
    ]; // the specific before the general: a pattern's "(.*?)" could swallow the words of a longer one

    private static readonly Message[] Headings =
        [HelpDescriptionTitle, HelpUsageTitle, HelpArgumentsTitle, HelpOptionsTitle, HelpCommandsTitle];

    /// <summary>A parse error the library left in English, in the current language.</summary>
    public static string Error(string message)
    {
        var lang = Langs.Current;
        if (lang == Lang.En) return message;
        foreach (var m in Errors)
        {
            var match = Regex.Match(message, Pattern(m.En), RegexOptions.Singleline | RegexOptions.CultureInvariant);
            if (match.Success)
                return m.Format(match.Groups.Cast<Group>().Skip(1).Select(g => (object?)g.Value).ToArray());
        }
        return message;
    }

    /// <summary>The help the library wrote, with what it left in English in the current language.</summary>
    public static string Help(string help)
    {
        var lang = Langs.Current;
        if (lang == Lang.En) return help;
        var lines = help.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var eol = lines[i][line.Length..];
            if (Headings.FirstOrDefault(h => h.En == line) is { } heading)
            {
                lines[i] = heading.In(lang) + eol;
                continue;
            }
            if (i > 0 && lines[i - 1].TrimEnd('\r') is var previous && (previous == HelpUsageTitle.En || previous == HelpUsageTitle.In(lang)))
                line = line.Replace(" " + HelpUsageCommand.En, " " + HelpUsageCommand.In(lang), StringComparison.Ordinal)
                           .Replace(" " + HelpUsageOptions.En, " " + HelpUsageOptions.In(lang), StringComparison.Ordinal);
            var required = HelpOptionsRequiredLabel.In(lang).PadRight(HelpOptionsRequiredLabel.En.Length);
            line = line.Replace(HelpOptionsRequiredLabel.En, required, StringComparison.Ordinal)
                       .Replace("[" + HelpArgumentDefaultValueLabel.En + ": ", "[" + HelpArgumentDefaultValueLabel.In(lang) + ": ", StringComparison.Ordinal);
            lines[i] = line + eol;
        }
        return string.Join('\n', lines);
    }

    /// <summary>A resource template as a regular expression: each {n} captures the text in its place.</summary>
    private static string Pattern(string template) =>
        "^" + Placeholder().Replace(Regex.Escape(template), "(.*?)") + "$";

    [GeneratedRegex(@"\\\{[0-9]}")]
    private static partial Regex Placeholder();
}
