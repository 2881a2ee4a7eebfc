using System.Globalization;

namespace PayBatch.Core.Localization;

/// <summary>The languages people read PayBatch in. Codes, column names, JSON keys and logs stay English.</summary>
public enum Lang
{
    En,
    Ru,
    Kk,
}

public static class Langs
{
    /// <summary>The language of what a person reads now: the current UI culture's, English unless it is Russian or Kazakh.</summary>
    public static Lang Current => Of(CultureInfo.CurrentUICulture) ?? Lang.En;

    /// <summary>Russian or Kazakh for a culture of those languages (ru-RU, kk-KZ, …), else null.</summary>
    public static Lang? Of(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "ru" => Lang.Ru,
        "kk" => Lang.Kk,
        _ => null,
    };

    public static bool TryParse(string? code, out Lang lang)
    {
        Lang? parsed = code?.Trim().ToLowerInvariant() switch
        {
            "en" => Lang.En,
            "ru" => Lang.Ru,
            "kk" => Lang.Kk,
            _ => null,
        };
        lang = parsed ?? default;
        return parsed is not null;
    }

    public static string Code(this Lang lang) => lang switch
    {
        Lang.Ru => "ru",
        Lang.Kk => "kk",
        _ => "en",
    };

    /// <summary>The UI culture for a language: what System.CommandLine and our catalogue read.</summary>
    public static CultureInfo Culture(this Lang lang) => CultureInfo.GetCultureInfo(lang switch
    {
        Lang.Ru => "ru-RU",
        Lang.Kk => "kk-KZ",
        _ => "en-US",
    });
}
