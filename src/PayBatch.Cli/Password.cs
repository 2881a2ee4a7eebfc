using PayBatch.Cli.Localization;
using System.Text;
using PayBatch.Core.Domain;

namespace PayBatch.Cli;

/// <summary>
/// A key's password: from the environment variable named by <c>--password-env</c>, or typed at a
/// terminal without echo. Never an argument, never logged, never in the audit trail.
/// </summary>
public static class Password
{
    public static string Read(CliContext ctx, string? variable, string keyFile)
    {
        if (variable?.StartsWith(Settings.EnvPrefix, StringComparison.OrdinalIgnoreCase) == true)
            throw new InputException(CliText.PasswordEnvIsSetting, variable, Settings.EnvPrefix);
        if (variable is not null)
            return ctx.Host.Environment[variable]?.ToString() is { } value
                ? value
                : throw new InputException(CliText.PasswordEnvUnset, variable);
        if (Console.IsInputRedirected || !ctx.Host.OutputIsTerminal)
            throw new InputException(CliText.PasswordNoTerminal);
        ctx.Host.Error.Write(CliText.PasswordPrompt.Format(Path.GetFileName(keyFile)));
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        ctx.Host.Error.WriteLine();
        return password.ToString();
    }
}
