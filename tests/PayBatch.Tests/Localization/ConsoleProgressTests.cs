using System.Globalization;
using PayBatch.Cli;
using PayBatch.Core;

namespace PayBatch.Tests.Localization;

/// <summary>The progress bar at a terminal speaks the chosen language, its counts included, whatever the machine's culture.</summary>
public class ConsoleProgressTests
{
    [Theory]
    [InlineData("ru-RU", "en-US", "Получатели")]
    [InlineData("kk-KZ", "en-US", "Алушылар")]
    [InlineData("en-US", "ru-RU", "recipients")]
    public void Counts_are_grouped_as_the_chosen_language_groups_them(string chosen, string machine, string? label)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chosen); // as --lang sets it
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(machine);
            using var screen = new StringWriter();
            new ConsoleProgress(screen).Report(new ProgressInfo("recipients", 1_234_567, 50));
            var expected = 1_234_567.ToString("N0", CultureInfo.GetCultureInfo(chosen));
            Assert.NotEqual(1_234_567.ToString("N0", CultureInfo.GetCultureInfo(machine)), expected);
            Assert.EndsWith(" " + expected, screen.ToString(), StringComparison.Ordinal);
            Assert.Contains("[############------------]  50%", screen.ToString(), StringComparison.Ordinal);
            if (label is not null) Assert.StartsWith("\r" + label, screen.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
