using System.Text.Json;
using System.Text.Json.Serialization;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Domain;

/// <summary>
/// The monthly calculation index (МРП) by date, read from <c>Data/mrp.json</c>. A date outside the
/// known range is an error, never a guess.
/// </summary>
public sealed class MrpTable
{
    private readonly (DateOnly From, int Mrp)[] _values;
    private readonly DateOnly _knownUntil;

    public MrpTable(IEnumerable<(DateOnly From, int Mrp)> values, DateOnly knownUntil)
    {
        _values = values.OrderBy(v => v.From).ToArray();
        _knownUntil = knownUntil;
    }

    /// <summary>The MRP in force on <paramref name="date"/>.</summary>
    public int On(DateOnly date)
    {
        if (_values.Length == 0 || date < _values[0].From || date > _knownUntil)
            throw new InputException(CoreText.NoMrp, Day(date), Day(_values.FirstOrDefault().From), Day(_knownUntil));
        return _values.Last(v => v.From <= date).Mrp;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static MrpTable FromJson(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, ReferenceJson.Default.MrpFile) ?? throw new InvalidDataException("mrp.json is empty");
        return new MrpTable(file.Values.Select(v => (v.From, v.Mrp)), file.KnownUntil);
    }

    internal sealed record MrpFile(
        [property: JsonPropertyName("knownUntil")] DateOnly KnownUntil,
        [property: JsonPropertyName("values")] MrpValue[] Values);

    internal sealed record MrpValue(
        [property: JsonPropertyName("from")] DateOnly From,
        [property: JsonPropertyName("mrp")] int Mrp);
}
