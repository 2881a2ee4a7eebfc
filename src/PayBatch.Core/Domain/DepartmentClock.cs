using System.Globalization;

namespace PayBatch.Core.Domain;

/// <summary>
/// The injected clock read in the department's time zone, whatever zone the server runs in: the
/// department's day is Kazakhstan's (UTC+5, one zone for the whole country since 1 March 2024), so a
/// job at 01:00 in Astana on a UTC server already has today's date.
/// </summary>
public sealed class DepartmentClock(TimeProvider clock, TimeZoneInfo zone) : TimeProvider
{
    /// <summary>The setting <c>Ui:TimeZone</c> when it is not given: a fixed +05:00, independent of the machine's tz data.</summary>
    public const string DefaultZone = "+05:00";

    public override TimeZoneInfo LocalTimeZone => zone;
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
    public override long GetTimestamp() => clock.GetTimestamp();
    public override long TimestampFrequency => clock.TimestampFrequency;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime, period);

    /// <summary>A fixed offset (<c>+05:00</c>) or a zone id the machine knows (<c>Asia/Almaty</c>).</summary>
    public static bool TryParseZone(string? text, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        var t = text?.Trim() ?? "";
        if (t.Length > 1 && t[0] is '+' or '-' &&
            TimeSpan.TryParseExact(t[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset) && offset <= TimeSpan.FromHours(14))
        {
            var utcOffset = t[0] == '-' ? -offset : offset;
            zone = TimeZoneInfo.CreateCustomTimeZone("UTC" + t, utcOffset, "UTC" + t, "UTC" + t);
            return true;
        }
        if (t.Length == 0) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(t);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
