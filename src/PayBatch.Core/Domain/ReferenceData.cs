using System.Reflection;

namespace PayBatch.Core.Domain;

/// <summary>
/// The facts the program reads as data: MRP table, bank directory, banking calendar. The program
/// carries its own copy (embedded); a <c>DataDirectory</c> setting can point at newer files, which
/// take precedence file by file. Each is read when first asked for: <c>status</c> and <c>report</c>
/// need only the calendar, and reading all three cost them a sixth of their start-up (issue 15).
/// </summary>
public sealed class ReferenceData
{
    private static readonly Assembly Self = typeof(ReferenceData).Assembly;

    private readonly string? _overrideDirectory;
    private readonly Lazy<MrpTable> _mrp;
    private readonly Lazy<BankDirectory> _banks;
    private readonly Lazy<BankingCalendar> _calendar;

    private ReferenceData(string? overrideDirectory)
    {
        _overrideDirectory = overrideDirectory;
        _mrp = new(() => { using var json = Open("mrp.json"); return MrpTable.FromJson(json); });
        _banks = new(() => { using var json = Open("banks.json"); return BankDirectory.FromJson(json); });
        _calendar = new(LoadCalendar);
    }

    public MrpTable Mrp => _mrp.Value;
    public BankDirectory Banks => _banks.Value;
    public BankingCalendar Calendar => _calendar.Value;

    public static ReferenceData Load(string? overrideDirectory = null) => new(overrideDirectory);

    private Stream Open(string relative)
    {
        if (_overrideDirectory is not null)
        {
            var path = Path.Combine(_overrideDirectory, relative);
            if (File.Exists(path)) return File.OpenRead(path);
        }
        return Self.GetManifestResourceStream("PayBatch.Data." + relative.Replace('\\', '/'))
               ?? throw new InvalidDataException($"built-in data file {relative} is missing");
    }

    private BankingCalendar LoadCalendar()
    {
        var calendarNames = Self.GetManifestResourceNames()
            .Where(n => n.StartsWith("PayBatch.Data.calendar/", StringComparison.Ordinal))
            .Select(n => n["PayBatch.Data.".Length..]).ToHashSet(StringComparer.Ordinal);
        if (_overrideDirectory is not null && Directory.Exists(Path.Combine(_overrideDirectory, "calendar")))
            foreach (var f in Directory.GetFiles(Path.Combine(_overrideDirectory, "calendar"), "*.json"))
                calendarNames.Add("calendar/" + Path.GetFileName(f));
        var calendarStreams = calendarNames.Order(StringComparer.Ordinal).Select(Open).ToList();
        try
        {
            return BankingCalendar.FromJson(calendarStreams);
        }
        finally
        {
            calendarStreams.ForEach(s => s.Dispose());
        }
    }
}
