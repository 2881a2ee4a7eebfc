using System.Text;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Formats;

/// <summary>
/// Kazakh letters that Windows-1251 and the MT character sets cannot carry, written as the usual
/// fallback (DOMAIN.md): Ә→А, Ғ→Г, Қ→К, Ң→Н, Ө→О, Ұ→У, Ү→У, Һ→Х, І→И. Anything else that still
/// cannot be encoded is an error, never a silent '?'.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, char> Kazakh = new()
    {
        ['Ә'] = 'А', ['ә'] = 'а', ['Ғ'] = 'Г', ['ғ'] = 'г', ['Қ'] = 'К', ['қ'] = 'к',
        ['Ң'] = 'Н', ['ң'] = 'н', ['Ө'] = 'О', ['ө'] = 'о', ['Ұ'] = 'У', ['ұ'] = 'у',
        ['Ү'] = 'У', ['ү'] = 'у', ['Һ'] = 'Х', ['һ'] = 'х', ['І'] = 'И', ['і'] = 'и',
    };

    public static string KazakhToRussian(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(Kazakh.TryGetValue(c, out var r) ? r : c);
        return sb.ToString();
    }

    /// <summary>Encodes in Windows-1251 after transliteration; throws when a character still does not fit.</summary>
    public static byte[] ToWindows1251(string text)
    {
        try
        {
            return Encodings.StrictWindows1251.GetBytes(KazakhToRussian(text));
        }
        catch (EncoderFallbackException e)
        {
            throw new InputException(CoreText.NotWindows1251, ((int)e.CharUnknown).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
