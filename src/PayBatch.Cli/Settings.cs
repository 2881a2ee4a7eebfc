using System.Collections;
using Microsoft.Extensions.Configuration;
using PayBatch.Cli.Localization;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reporting;
using PayBatch.Core.Release;

namespace PayBatch.Cli;

/// <summary>
/// The effective settings, in SPEC's order (later wins): built-in defaults, <c>paybatch.json</c> in
/// the working directory, <c>PAYBATCH_</c> environment variables (<c>__</c> between levels), the
/// command line.
/// </summary>
public sealed partial class Settings
{
    public const string FileName = "paybatch.json";
    public const string EnvPrefix = "PAYBATCH_";
    public const string UiLanguageKey = "Ui:Language";

    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Database:Provider"] = "sqlite",
        ["Database:ConnectionString"] = DbFactory.DefaultSqlite,
        ["Payment:Coefficient"] = PaymentTerms.Default.Coefficient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Payment:Send"] = PaymentTerms.Default.Send,
        ["Payment:Pso"] = PaymentTerms.Default.Pso,
        ["Payment:Prt"] = PaymentTerms.Default.Prt,
        ["Ui:TimeZone"] = DepartmentClock.DefaultZone,
        ["Output"] = "out",
        ["Logs"] = "logs",
    };

    private Settings(IConfigurationRoot root, IReadOnlyList<(string Name, IConfigurationProvider Provider)> sources, string workingDirectory)
    {
        Root = root;
        Sources = sources;
        WorkingDirectory = workingDirectory;
    }

    public IConfigurationRoot Root { get; }
    public IReadOnlyList<(string Name, IConfigurationProvider Provider)> Sources { get; }
    public string WorkingDirectory { get; }

    public static Settings Load(string workingDirectory, IDictionary environment, IDictionary<string, string?> commandLine)
    {
        var env = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in environment)
        {
            var key = e.Key.ToString() ?? "";
            if (key.StartsWith(EnvPrefix, StringComparison.OrdinalIgnoreCase))
                env[key[EnvPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = e.Value?.ToString();
        }
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults)
            .AddJsonFile(new Microsoft.Extensions.FileProviders.PhysicalFileProvider(workingDirectory), FileName, optional: true, reloadOnChange: false)
            .AddInMemoryCollection(env)
            .AddInMemoryCollection(commandLine.Where(kv => kv.Value is not null));
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new InputException(CliText.SettingsFileInvalid, Path.Combine(workingDirectory, FileName), e.Message);
        }
        string[] names = ["default", FileName, "environment", "command line"];
        return new Settings(root, root.Providers.Select((p, i) => (names[i], p)).ToList(), workingDirectory);
    }

    public string? this[string key] => Root[key];

    public DbProvider Provider =>
        DbFactory.TryParseProvider(Root["Database:Provider"], out var p) ? p
            : throw new InputException(CliText.ProviderInvalid, Root["Database:Provider"]);

    /// <summary>The language chosen by --lang or the setting Ui:Language; null when none is.</summary>
    public Lang? UiLanguage =>
        Root[UiLanguageKey] is not { Length: > 0 } code ? null
            : Langs.TryParse(code, out var lang) ? lang
            : throw new InputException(CliText.LanguageInvalid, code);

    /// <summary>
    /// The connection string. For SQLite a plain file path is accepted too (<c>--db accounts/2026.db</c>),
    /// and a relative file is resolved against the working directory.
    /// </summary>
    public string ConnectionString
    {
        get
        {
            var cs = Root["Database:ConnectionString"] ?? DbFactory.DefaultSqlite;
            if (Provider != DbProvider.Sqlite) return cs; // read by its server's builder before a connection (CheckServerConnectionString)
            var given = cs;
            if (!cs.Contains('=', StringComparison.Ordinal)) cs = "Data Source=" + cs;
            Microsoft.Data.Sqlite.SqliteConnectionStringBuilder b;
            try { b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs); }
            catch (ArgumentException e) { throw new InputException(CliText.SqliteConnectionInvalid, e.Message); }
            // An empty or in-memory database keeps nothing from one command to the next (the schema a command migrates is gone).
            var ds = b.DataSource;
            if (string.IsNullOrWhiteSpace(ds) || ds == ":memory:" || b.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory
                || (ds.StartsWith("file:", StringComparison.Ordinal) && (ds.StartsWith("file::memory:", StringComparison.Ordinal) || ds.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))))
                throw new InputException(CliText.SqliteNoFile, MaskPassword(given));
            if (!Path.IsPathRooted(ds) && !ds.StartsWith("file:", StringComparison.Ordinal))
                b.DataSource = Path.GetFullPath(Path.Combine(WorkingDirectory, ds));
            return b.ToString();
        }
    }

    /// <summary>
    /// A PostgreSQL or SQL Server connection string, read by the server's own builder before the first connection, so a
    /// malformed one is bad input, not a failure there; not repeated in the refusal, as it may hold a password. (A script
    /// made by <c>init --script</c> connects to nothing and does not need it.)
    /// </summary>
    public void CheckServerConnectionString()
    {
        var cs = ConnectionString;
        if (string.IsNullOrWhiteSpace(cs) || !(Provider == DbProvider.Postgres ? PostgresReads(cs) : SqlServerReads(cs)))
            throw new InputException(CliText.ServerConnectionInvalid, Provider == DbProvider.Postgres ? "PostgreSQL" : "SQL Server");
    }

    // One method per provider, as in DbFactory: a command on one loads no other's client.
    private static bool PostgresReads(string cs)
    {
        try { _ = new Npgsql.NpgsqlConnectionStringBuilder(cs); return true; }
        catch (ArgumentException) { return false; }
    }

    private static bool SqlServerReads(string cs)
    {
        try { _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(cs); return true; }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException) { return false; } // a keyword's value it converts itself
    }

    /// <summary>How long a command waits for another paybatch that is migrating the schema (Database:MigrationLockSeconds, default 60).</summary>
    public TimeSpan MigrationLockWait =>
        Root["Database:MigrationLockSeconds"] is not { } text ? TimeSpan.FromSeconds(60)
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s)
        : throw new InputException(CliText.MigrationLockInvalid, text);

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    public string OutputDirectory => Resolve(Root["Output"] ?? "out");
    public string LogsDirectory => Resolve(Root["Logs"] ?? "logs");
    public string? DataDirectory => Root["DataDirectory"] is { Length: > 0 } d ? Resolve(d) : null;

    public PaymentTerms PaymentTerms
    {
        get
        {
            var coefficientText = Root["Payment:Coefficient"];
            if (!decimal.TryParse(coefficientText, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var coefficient) || coefficient <= 0)
                throw new InputException(CliText.CoefficientInvalid, coefficientText);
            return new PaymentTerms
            {
                Department = new Department
                {
                    Name = Blank(Root["Department:Name"]), Bin = Blank(Root["Department:Bin"]), Iban = Blank(Root["Department:Iban"]),
                    Bic = Blank(Root["Department:Bic"]), Chief = Blank(Root["Department:Chief"]),
                    ChiefAccountant = Blank(Root["Department:ChiefAccountant"]),
                },
                Knp = Blank(Root["Payment:Knp"]),
                Coefficient = coefficient,
                Send = Root["Payment:Send"] ?? PaymentTerms.Default.Send,
                Pso = Root["Payment:Pso"] ?? PaymentTerms.Default.Pso,
                Prt = Root["Payment:Prt"] ?? PaymentTerms.Default.Prt,
            };
        }
    }

    /// <summary>The department's survey and complaint figures and its targets (SPEC <c>Indicators:Values</c>, <c>Indicators:Targets</c>).</summary>
    public IndicatorSettings Indicators => new(Numbers("Indicators:Values"), Numbers("Indicators:Targets"));

    private Dictionary<string, decimal> Numbers(string section)
    {
        var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in Root.GetSection(section).GetChildren())
        {
            if (!Core.Reporting.Indicators.Appendix2.Any(d => d.Id == entry.Key))
                throw new InputException(CliText.IndicatorUnknown, section, entry.Key);
            if (!decimal.TryParse(entry.Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n))
                throw new InputException(CliText.IndicatorNotANumber, section, entry.Key, entry.Value);
            numbers[entry.Key] = n;
        }
        return numbers;
    }

    /// <summary>The department's time zone (<c>Ui:TimeZone</c>): what "today" means. Kazakhstan's, UTC+5, by default.</summary>
    public TimeZoneInfo TimeZone =>
        DepartmentClock.TryParseZone(Root["Ui:TimeZone"], out var zone) ? zone
            : throw new InputException(CliText.TimeZoneInvalid, Root["Ui:TimeZone"]);

    /// <summary>SPEC's <c>Release</c> section; without it (or with 0 signatures) a batch is released when written.</summary>
    public ReleasePolicy Release
    {
        get
        {
            var requiredText = Root["Release:RequiredSignatures"] ?? "0";
            if (!int.TryParse(requiredText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var required) || required > 2)
                throw new InputException(CliText.RequiredSignaturesInvalid, requiredText);
            var signers = new List<Signer>();
            foreach (var entry in Root.GetSection("Release:Signers").GetChildren())
            {
                if (!Iin.TryParse(entry["Iin"], out var iin))
                    throw new InputException(CliText.SignerIinInvalid, entry.Key, Iin.Mask(entry["Iin"]));
                if (!SignerRoles.TryParse(entry["Role"], out var role))
                    throw new InputException(CliText.SignerRoleInvalid, entry.Key, entry["Role"]);
                signers.Add(new Signer(iin, role));
            }
            return new ReleasePolicy(required, Blank(Root["Release:TrustedRoots"]) is { } roots ? Resolve(roots) : null, signers);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) || s == "…" ? null : s.Trim();

    /// <summary>Every effective key with its value and the source it came from (passwords masked).</summary>
    public IEnumerable<(string Key, string? Value, string Source)> Effective()
    {
        var keys = Root.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var source = Sources.Last(s => s.Provider.TryGet(key, out _)).Name;
            var value = Root[key];
            if (key.Equals("Database:ConnectionString", StringComparison.OrdinalIgnoreCase)) value = MaskPassword(value);
            yield return (key, value, source);
        }
    }

    public static string? MaskPassword(string? connectionString)
    {
        if (connectionString is null) return null;
        return Password().Replace(connectionString, "$1***");
    }

    // Generated: a pattern parsed at run time cost every command's audit a few milliseconds of its start-up.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)((?:password|pwd)\s*=\s*)([^;]*)")]
    private static partial System.Text.RegularExpressions.Regex Password();
}
