using System.Globalization;

namespace PayBatch.Core.Localization;

/// <summary>
/// One entry of the message catalogue: the same text in English, Russian and Kazakh, with the same
/// <c>{0}</c> placeholders. It reads in the current UI language (<see cref="Langs.Current"/>).
/// </summary>
public sealed record Message(string En, string Ru, string Kk)
{
    public string In(Lang lang) => lang switch
    {
        Lang.Ru => Ru,
        Lang.Kk => Kk,
        _ => En,
    };

    public override string ToString() => In(Langs.Current);

    public static implicit operator string(Message m) => m.ToString();

    /// <summary>The message with its arguments, to be read later in any language.</summary>
    public Said With(params object?[] args) => new(this, args);

    /// <summary>The message with its arguments, in the current language.</summary>
    public string Format(params object?[] args) => With(args).ToString();
}

/// <summary>
/// A catalogue message with its arguments. An argument may itself be a message, a <see cref="Said"/>,
/// or a list of them (read joined by "; ").
/// </summary>
public sealed record Said(Message Message, IReadOnlyList<object?> Args)
{
    public string In(Lang lang) => string.Format(CultureInfo.InvariantCulture, Message.In(lang), Args.Select(a => Arg(a, lang)).ToArray());

    private static object? Arg(object? a, Lang lang) => a switch
    {
        Said s => s.In(lang),
        Message m => m.In(lang),
        IEnumerable<Said> list => string.Join("; ", list.Select(s => s.In(lang))),
        Num n => n.In(lang),
        _ => a,
    };

    public override string ToString() => In(Langs.Current);

    public static implicit operator string(Said s) => s.ToString();
}

/// <summary>A plain number argument (a coefficient): 6.5 in English, 6,5 in Russian and Kazakh.</summary>
public readonly record struct Num(decimal Value)
{
    public string In(Lang lang)
    {
        var text = Value.ToString("0.############", CultureInfo.InvariantCulture);
        return lang == Lang.En ? text : text.Replace('.', ',');
    }
}
