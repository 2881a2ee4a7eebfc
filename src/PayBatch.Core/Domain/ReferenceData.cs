using System.Reflection;

namespace PayBatch.Core.Domain;

/// <summary>
/// The facts the program reads as data: MRP table, bank directory, banking calendar. The program
/// carries its own copy (embedded); a <c>DataDirectory</c> setting can point at newer files, which
/// take precedence file by file.
/// </summary>
public sealed record ReferenceData(MrpTable Mrp, BankDirectory Banks, BankingCalendar Calendar)
{
    private static readonly Assembly Self = typeof(ReferenceData).Assembly;

    public static ReferenceData Load(string? overrideDirectory = null)
    {
        Stream Open(string relative)
        {
            if (overrideDirectory is not null)
            {
                var path = Path.Combine(overrideDirectory, relative);
                if (File.Exists(path)) return File.OpenRead(path);
            }
            return Self.GetManifestResourceStream("PayBatch.Data." + relative.Replace('\\', '/'))
                   ?? throw new InvalidDataException($"built-in data file {relative} is missing");
        }

        using var mrp = Open("mrp.json");
        using var banks = Open("banks.json");
        var calendarNames = Self.GetManifestResourceNames()
            .Where(n => n.StartsWith("PayBatch.Data.calendar/", StringComparison.Ordinal))
            .Select(n => n["PayBatch.Data.".Length..]).ToHashSet(StringComparer.Ordinal);
        if (overrideDirectory is not null && Directory.Exists(Path.Combine(overrideDirectory, "calendar")))
            foreach (var f in Directory.GetFiles(Path.Combine(overrideDirectory, "calendar"), "*.json"))
                calendarNames.Add("calendar/" + Path.GetFileName(f));
        var calendarStreams = calendarNames.Order(StringComparer.Ordinal).Select(Open).ToList();
        try
        {
            return new ReferenceData(MrpTable.FromJson(mrp), BankDirectory.FromJson(banks), BankingCalendar.FromJson(calendarStreams));
        }
        finally
        {
            calendarStreams.ForEach(s => s.Dispose());
        }
    }
}
