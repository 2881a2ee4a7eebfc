using System.CommandLine;
using System.Globalization;
using System.Text;
using PayBatch.Cli;
using PayBatch.Core.Localization;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Localization;

public class LanguageTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Help_for_the_root_and_for_run_matches_its_golden_file(string lang)
    {
        // The real executable, so the usage line names it as an accountant sees it.
        using var ws = new Workspace();
        foreach (var (name, args) in new[] { ("root", new[] { "--help" }), ("run", new[] { "run", "--help" }) })
        {
            var r = PaybatchProcess.Run(ws, [.. args, "--lang", lang]);
            Assert.Equal(0, r.ExitCode);
            Golden.Match(Path.Combine(Repo.TestData, "golden", "help", $"{name}.{lang}.txt"), Encoding.UTF8.GetBytes(r.Out));
        }
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void No_help_is_left_in_English(string lang)
    {
        // Every description of every command, option and argument, compared with its English twin:
        // a command added without translating its words fails here.
        var english = Descriptions(Lang.En);
        var translated = Descriptions(Langs.TryParse(lang, out var l) ? l : Lang.En);
        Assert.Equal(english.Count, translated.Count);
        var untranslated = english.Zip(translated).Where(p => p.First.Text == p.Second.Text).Select(p => $"{p.First.Path}: {p.First.Text}").ToList();
        Assert.True(untranslated.Count == 0, string.Join("\n", untranslated));
    }

    [Fact]
    public void The_library_headings_follow_the_language_in_the_help_of_every_command()
    {
        using var ws = new Workspace();
        foreach (var lang in new[] { "ru", "kk" })
            foreach (var (path, _) in Descriptions(Lang.En).Where(d => d.Path.StartsWith("command ", StringComparison.Ordinal)))
            {
                var help = ws.RunOk([.. path["command ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help", "--lang", lang]).Out;
                foreach (var english in new[] { "Description:", "Usage:", "Options:", "Arguments:", "Commands:", "[options]", "[command]", "(REQUIRED)", "[default:" })
                    Assert.DoesNotContain(english, help, StringComparison.Ordinal);
            }
    }

    [Fact]
    public void Parse_errors_are_in_the_chosen_language()
    {
        using var ws = new Workspace();
        var kk = ws.Run("run", "--bogus", "--lang", "kk");
        Assert.Equal(2, kk.ExitCode);
        Assert.Contains("Танылмаған пәрмен немесе аргумент: '--bogus'.", kk.Error, StringComparison.Ordinal);
        Assert.Contains("'--quarter' опциясы міндетті.", kk.Error, StringComparison.Ordinal);
        Assert.Contains("Анықтама: 'paybatch --help'.", kk.Error, StringComparison.Ordinal);
        var ru = ws.Run("run", "--bogus", "--lang", "ru");
        Assert.Contains("Нераспознанная команда или аргумент '--bogus'.", ru.Error, StringComparison.Ordinal);
        Assert.Contains("Параметр '--quarter' обязателен.", ru.Error, StringComparison.Ordinal);
        var en = ws.Run("run", "--bogus");
        Assert.Contains("Unrecognized command or argument '--bogus'.", en.Error, StringComparison.Ordinal);
        Assert.Contains("Option '--quarter' is required.", en.Error, StringComparison.Ordinal);
        Assert.Contains("'2026Q9' — 2026Q1 сияқты тоқсан емес", ws.Run("run", "--quarter", "2026Q9", "--lang", "kk").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--year", "abc", "'--year' опциясының 'abc' аргументін")]
    [InlineData("report", "--year", "26.5", "'--year' опциясының '26.5' аргументін")]
    [InlineData("history", "--last", "x", "'--last' опциясының 'x' аргументін")]
    public void A_number_that_does_not_parse_is_a_parse_error_in_the_chosen_language_not_a_crash(string command, string option, string value, string said)
    {
        using var ws = new Workspace();
        var r = ws.Run(command, option, value, "--lang", "kk");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(said, r.Error, StringComparison.Ordinal);
        // The commands' own checks of a number that did parse still hold.
        var range = ws.Run(command, option, command == "report" ? "1999" : "-1");
        Assert.Equal(2, range.ExitCode);
        Assert.Contains(command == "report" ? "--year 1999 is not a year such as 2026" : "--last -1 is not a number of entries", range.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_wins_over_Ui_Language_which_wins_over_the_system_language()
    {
        using var ws = new Workspace { UiCulture = CultureInfo.GetCultureInfo("ru-RU") };
        Assert.StartsWith("Описание:", ws.RunOk("--help").Out, StringComparison.Ordinal);
        ws.UiCulture = CultureInfo.GetCultureInfo("de-DE");
        Assert.StartsWith("Description:", ws.RunOk("--help").Out, StringComparison.Ordinal);
        ws.Environment["PAYBATCH_UI__LANGUAGE"] = "kk";
        Assert.StartsWith("Сипаттамасы:", ws.RunOk("--help").Out, StringComparison.Ordinal);
        Assert.StartsWith("Описание:", ws.RunOk("--help", "--lang", "ru").Out, StringComparison.Ordinal);
        Assert.StartsWith("Description:", ws.RunOk("--lang=en", "--help").Out, StringComparison.Ordinal);
        ws.Environment["PAYBATCH_UI__LANGUAGE"] = "de";
        var wrong = ws.Run("config", "show");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("Ui:Language 'de' is not ru, kk or en", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_in_the_chosen_language_and_the_log_stays_English()
    {
        using var ws = new Workspace();
        var r = ws.Run("import", "recipients", "missing.csv", "--lang", "kk");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"қате: {ws.Path_("missing.csv")}: файл табылмады", r.Error.Trim());
        var log = File.ReadAllText(Directory.GetFiles(ws.Path_("logs")).Single());
        Assert.Contains("missing.csv: file not found", log, StringComparison.Ordinal);
        Assert.DoesNotContain("табылмады", log, StringComparison.Ordinal);

        var json = ws.Run("import", "recipients", "missing.csv", "--lang", "ru", "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.EndsWith("missing.csv: файл не найден", doc.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_is_named_by_line_and_column_in_the_chosen_language()
    {
        using var ws = new Workspace();
        ws.Write("certificates.csv", "child_iin,quarter,certificate_no,issued_on,school\n150315600123,2026Q5,C-1,2026-01-10,School 1\n");
        var ru = ws.Run("import", "certificates", "certificates.csv", "--lang", "ru");
        Assert.Equal(2, ru.ExitCode);
        Assert.Contains("certificates.csv: ошибок: 1, из файла ничего не применено:", ru.Error, StringComparison.Ordinal);
        Assert.Contains("строка 2, столбец 'quarter' (2): не квартал вида 2026Q1", ru.Error, StringComparison.Ordinal);
        var kk = ws.Run("import", "certificates", "certificates.csv", "--lang", "kk");
        Assert.Contains("2-жол, 'quarter' бағаны (2): 2026Q1 сияқты тоқсан емес", kk.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_are_in_the_chosen_language_and_json_keys_stay_English()
    {
        using var ws = new Workspace();
        Assert.Contains("Дерекқор дайын (sqlite,", ws.RunOk("init", "--lang", "kk").Out, StringComparison.Ordinal);
        Assert.Contains("База данных готова (sqlite,", ws.RunOk("init", "--lang", "ru").Out, StringComparison.Ordinal);
        var json = ws.RunOk("init", "--lang", "kk", "--json").Out;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("дүйсенбі", ws.RunOk("calendar", "--year", "2026", "--lang", "kk").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_Russian_unless_a_language_is_chosen()
    {
        using var ws = SampleQuarter.Create();
        ws.UiCulture = CultureInfo.GetCultureInfo("kk-KZ");
        Assert.StartsWith("# Отчёт о выплатах социальной помощи", ws.RunOk("report", "--quarter", "2026Q1").Out, StringComparison.Ordinal);
        Assert.StartsWith("# Әлеуметтік көмек төлемдері туралы есеп", ws.RunOk("report", "--quarter", "2026Q1", "--lang", "kk").Out, StringComparison.Ordinal);
        ws.Environment["PAYBATCH_UI__LANGUAGE"] = "en";
        Assert.StartsWith("# Social assistance payment report", ws.RunOk("report", "--quarter", "2026Q1").Out, StringComparison.Ordinal);
    }

    /// <summary>Every description in the command tree built in a language, in a fixed order, by path.</summary>
    private static List<(string Path, string Text)> Descriptions(Lang lang)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = lang.Culture();
        try
        {
            var host = new CliHost(TextWriter.Null, TextWriter.Null, Path.GetTempPath(), new System.Collections.Hashtable(), TimeProvider.System, false);
            var list = new List<(string, string)>();
            void Walk(Command c, string path)
            {
                list.Add(($"command {path}", c.Description ?? ""));
                foreach (var o in c.Options) list.Add(($"{path} {o.Name}", o.Description ?? ""));
                foreach (var a in c.Arguments) list.Add(($"{path} <{a.Name}>", a.Description ?? ""));
                foreach (var s in c.Subcommands) Walk(s, $"{path} {s.Name}");
            }
            Walk(CliApp.Build(host), "");
            return list;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
