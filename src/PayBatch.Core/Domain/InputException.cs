using PayBatch.Core.Localization;

namespace PayBatch.Core.Domain;

/// <summary>
/// Bad input or a missing fact: the user can fix it, nothing was changed. The CLI maps it to exit 2.
/// A catalogue message reads in the person's language; <see cref="English"/> is for the log.
/// </summary>
public class InputException : Exception
{
    private readonly Said? _said;

    public InputException(string message) : base(message) { }

    public InputException(Message message, params object?[] args) : base(message.En) => _said = message.With(args);

    public virtual string In(Lang lang) => _said?.In(lang) ?? base.Message;

    public override string Message => In(Langs.Current);

    public string English => In(Lang.En);
}
/// <summary>
/// A failure the program can state exactly (exit 1): what happened, what was kept and what to do next.
/// The CLI prints it in the person's language (<see cref="Localized"/>), instead of the generic "unexpected
/// failure"; <see cref="Exception.Message"/> stays English, for the log and its stack trace.
/// </summary>
public class StatedFailureException(Exception? inner, Message message, params object?[] args) : Exception(message.With(args).In(Lang.En), inner)
{
    private readonly Said _said = message.With(args);

    public string Localized => _said.In(Langs.Current);
}
