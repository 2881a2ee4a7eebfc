using System.Text;

namespace PayBatch.Core.Domain;

/// <summary>
/// The text of an enum value where it leaves the program (files, database columns, JSON): its name
/// in lower-case snake case, <c>OnTime</c> → <c>on_time</c>. Inside the program the enum is used.
/// </summary>
public static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var values = Table<T>.Values;
        for (var i = 0; i < values.Length; i++)
            if (EqualityComparer<T>.Default.Equals(values[i], value)) return Table<T>.Codes[i];
        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var code = text?.Trim().ToLowerInvariant() ?? "";
        var codes = Table<T>.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            if (!string.Equals(codes[i], code, StringComparison.Ordinal)) continue;
            value = Table<T>.Values[i];
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>A stored code back to its value; a code that is not one is corrupt data.</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new InvalidDataException($"'{text}' is not a {typeof(T).Name} code");

    /// <inheritdoc cref="Parse{T}(string)"/>
    public static T Parse<T>(ReadOnlySpan<char> text) where T : struct, Enum
    {
        if (!System.Text.Ascii.IsValid(text)) return Parse<T>(text.ToString()); // what ToLowerInvariant does beyond ASCII
        var code = text.Trim();
        var codes = Table<T>.Codes;
        for (var i = 0; i < codes.Length; i++)
            if (code.Equals(codes[i], StringComparison.OrdinalIgnoreCase)) return Table<T>.Values[i];
        throw new InvalidDataException($"'{text}' is not a {typeof(T).Name} code");
    }

    /// <summary>Every code of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Table<T>.ReadOnlyCodes;

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// An enum's values and their codes, searched in order: a handful each, as quick as a hash table, and a frozen
    /// dictionary per enum cost a small command a twentieth of its start-up to build (issue 15).
    /// </summary>
    private static class Table<T> where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();
        public static readonly string[] Codes = [.. Values.Select(v => SnakeCase(v.ToString()))];
        public static readonly IReadOnlyList<string> ReadOnlyCodes = Array.AsReadOnly(Codes);
    }
}

/// <summary>Writes and reads an enum as its <see cref="Codes"/> text in JSON.</summary>
public sealed class CodeJsonConverter<T> : System.Text.Json.Serialization.JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        Codes.TryParse<T>(reader.GetString(), out var value) ? value : throw new System.Text.Json.JsonException($"not a {typeof(T).Name} code");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, T value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(Codes.Of(value));
}
