using System.Text.RegularExpressions;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace PayBatch.Cli;

/// <summary>
/// The run's log: a rolling daily file, a run id on every line. The code logs counts, file names,
/// hashes and references, never a name, IIN or IBAN; as a second line of defence every line (error
/// messages included) is passed through <see cref="Redact"/>, which masks anything shaped like an
/// IIN/BIN or a KZ IBAN.
/// </summary>
public static partial class Logging
{
    public static Logger Create(string folder, string runId, bool verbose)
    {
        try
        {
            Core.Output.AtomicFile.CreateDirectory(folder);
            CreateOwnerOnly(Path.Combine(folder, $"paybatch-{TimeProvider.System.GetLocalNow():yyyyMMdd}.log"));
        }
        catch (Exception e) when (Core.Output.AtomicFile.IsPlaceProblem(e, folder))
        {
            throw new Core.Domain.InputException(Localization.CliText.LogsUnwritable, folder, e.Message); // a file in its place, a folder not to be written
        }
        var formatter = new RedactingFormatter(
            new MessageTemplateTextFormatter("{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {RunId} ", System.Globalization.CultureInfo.InvariantCulture),
            new MessageTemplateTextFormatter("{Message:lj}{NewLine}{Exception}", System.Globalization.CultureInfo.InvariantCulture));
        return new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .Enrich.WithProperty("RunId", runId)
            .WriteTo.File(formatter, Path.Combine(folder, "paybatch-.log"), rollingInterval: RollingInterval.Day, shared: true)
            .CreateLogger();
    }

    /// <summary>
    /// Today's log file, created readable by its owner only before the sink opens it (a shared file sink
    /// takes no lifecycle hooks, and it would create the file with the process's umask, usually 0644). The sink names
    /// the file by the real local date, so this does too.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path)) return;
        try
        {
            new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }).Dispose();
        }
        catch (IOException) when (File.Exists(path)) { /* another process created it first */ }
    }

    [GeneratedRegex(@"(?<![0-9])([0-9]{2})[0-9]{8}([0-9]{2})(?![0-9])")]
    private static partial Regex TwelveDigits();

    /// <summary>A KZ IBAN, compact or written in groups of four ("KZ45 9657 …", as the registry accepts it).</summary>
    [GeneratedRegex(@"(?i)\bKZ[0-9]{2}(?: ?[0-9A-Z]{4}){3} ?([0-9A-Z]{4})\b")]
    private static partial Regex KzIban();

    public static string Redact(string text) =>
        KzIban().Replace(TwelveDigits().Replace(text, m => InHash(text, m) ? m.Value : $"{m.Groups[1].Value}********{m.Groups[2].Value}"),
            m => "KZ************" + m.Groups[1].Value);

    /// <summary>
    /// Twelve digits inside a run of exactly 64 hex characters are part of a SHA-256, logged so a file can be matched
    /// to its hash (one hash in about thirty has such a run): no IIN, and masking it would spoil the hash.
    /// </summary>
    private static bool InHash(string text, Match m)
    {
        var start = m.Index;
        while (start > 0 && char.IsAsciiHexDigit(text[start - 1])) start--;
        var end = m.Index + m.Length;
        while (end < text.Length && char.IsAsciiHexDigit(text[end])) end++;
        return end - start == 64;
    }

    /// <summary>
    /// The line's head (time, level, run id: the program's own) as it is; the message and any exception redacted. A
    /// run id is twelve hex characters, all of them digits in about one run of 280, which the whole line's
    /// redaction masked like an IIN, so that run's lines no longer matched its audit record.
    /// </summary>
    private sealed class RedactingFormatter(ITextFormatter head, ITextFormatter message) : ITextFormatter
    {
        public void Format(LogEvent logEvent, TextWriter output)
        {
            head.Format(logEvent, output);
            using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            message.Format(logEvent, buffer);
            output.Write(Redact(buffer.ToString()));
        }
    }
}
