using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PayBatch.Cli.Localization;
using PayBatch.Core;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using Serilog.Core;

namespace PayBatch.Cli;

/// <summary>Where a command runs: its streams, working directory, environment and clock.</summary>
public sealed record CliHost(TextWriter Out, TextWriter Error, string WorkingDirectory, IDictionary Environment, TimeProvider Clock, bool OutputIsTerminal)
{
    /// <summary>
    /// EF interceptors added to every database opened through EF (the resilience tests inject faults here); the
    /// connections of <see cref="PlainDb"/> (history, status, report, the audit) do not pass through EF.
    /// </summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; init; } = [];

    /// <summary>The system's UI culture: the language when neither --lang nor Ui:Language chooses one.</summary>
    public System.Globalization.CultureInfo UiCulture { get; init; } = System.Globalization.CultureInfo.InvariantCulture;

    public static CliHost FromProcess() => new(Console.Out, Console.Error, System.Environment.CurrentDirectory,
        System.Environment.GetEnvironmentVariables(), TimeProvider.System, !Console.IsOutputRedirected)
        { UiCulture = System.Globalization.CultureInfo.CurrentUICulture };
}

/// <summary>The services of one command invocation: settings, log, database, output.</summary>
public sealed class CliContext(CliHost host, Settings settings, Logger log, string runId, bool json, bool quiet) : IDisposable
{
    public CliHost Host { get; } = host;
    public Settings Settings { get; } = settings;
    public Logger Log { get; } = log;
    public string RunId { get; } = runId;
    public bool Json { get; } = json;
    public bool Quiet { get; } = quiet;
    /// <summary>The host's clock read in the department's zone: "today" is Kazakhstan's day, not the server's.</summary>
    public TimeProvider Clock => _clock ??= new DepartmentClock(Host.Clock, Settings.TimeZone);
    private DepartmentClock? _clock;

    private ReferenceData? _data;
    public ReferenceData Data => _data ??= ReferenceData.Load(Settings.DataDirectory);

    /// <summary>Progress is for a person at a terminal only: never with --json, CI=true or redirected output.</summary>
    public bool ShowProgress => Host.OutputIsTerminal && !Json && !Quiet &&
                                !string.Equals(Host.Environment["CI"]?.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A progress bar for a person at a terminal; null otherwise (nothing is drawn).</summary>
    public ConsoleProgress? Progress() => ShowProgress ? new ConsoleProgress(Host.Error) : null;

    /// <summary>Input files and their hashes, for the audit trail.</summary>
    public Dictionary<string, string> InputHashes { get; } = new(StringComparer.Ordinal);

    /// <summary>What the command changed, in a line, for the audit trail.</summary>
    public string Changes { get; set; } = "";

    public bool UsedDatabase { get; private set; }

    public PayBatchDb CreateDb()
    {
        PrepareDatabase();
        return DbFactory.Create(Settings.Provider, Settings.ConnectionString, [.. Host.Interceptors]);
    }

    /// <summary>A wrong connection string, of any provider, is refused before the database counts as used (no audit to record).</summary>
    private void PrepareDatabase()
    {
        if (Settings.Provider == DbProvider.Sqlite) PrepareSqliteFile(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource);
        else Settings.CheckServerConnectionString();
    }

    /// <summary>
    /// A new SQLite database holds personal data: its folder is created if needed and the file is
    /// created readable by its owner only (SQLite gives its journals the database's permissions).
    /// </summary>
    private static void PrepareSqliteFile(string dataSource)
    {
        // A file: address is SQLite's to resolve (as the schema's lock file does, SchemaMigration).
        if (dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal) || File.Exists(dataSource)) return;
        if (Directory.Exists(dataSource)) throw new InputException(CliText.SqliteIsFolder, dataSource, Path.Combine(dataSource, "paybatch.db"));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            if (Path.GetDirectoryName(dataSource) is { Length: > 0 } folder) Core.Output.AtomicFile.CreateDirectory(folder);
            new FileStream(dataSource, options).Dispose(); // an empty file is an empty SQLite database
        }
        catch (IOException) when (File.Exists(dataSource)) { /* another process created it first */ }
        catch (Exception e) when (Core.Output.AtomicFile.IsPlaceProblem(e, dataSource))
        {
            throw new InputException(CliText.SqliteCannotCreate, dataSource, e.Message); // a file in its folder's place, a folder not to be written
        }
    }

    /// <summary>Opens the database and brings its schema up to date (idempotent).</summary>
    public async Task<PayBatchDb> OpenDbAsync(CancellationToken ct)
    {
        var db = CreateDb();
        UsedDatabase = true;
        await Resilience.Database.ExecuteAsync(async t => await SchemaMigration.EnsureCurrentAsync(db, Settings.MigrationLockWait, Log, t).ConfigureAwait(false), ct)
            .ConfigureAwait(false);
        return db;
    }

    /// <summary>
    /// Opens the database for a command that only reads, without EF Core (<see cref="PlainDb"/>); only a
    /// schema that is not current starts EF, to bring it up to date first.
    /// </summary>
    public async Task<PlainDb> OpenForReadingAsync(CancellationToken ct)
    {
        PrepareDatabase();
        UsedDatabase = true;
        return await Resilience.Database.ExecuteAsync(async t =>
        {
            var plain = await PlainDb.OpenAsync(Settings.Provider, Settings.ConnectionString, t).ConfigureAwait(false);
            try
            {
                if (await SchemaVersion.IsCurrentAsync(plain, t).ConfigureAwait(false)) return plain;
            }
            catch
            {
                plain.Dispose();
                throw;
            }
            plain.Dispose();
            await using (var db = CreateDb())
                await SchemaMigration.EnsureCurrentAsync(db, Settings.MigrationLockWait, Log, t).ConfigureAwait(false);
            return await PlainDb.OpenAsync(Settings.Provider, Settings.ConnectionString, t).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Writes the command's result: one JSON object with --json, else the human text (unless --quiet).</summary>
    public void Result(JsonObject json, Action<TextWriter> human) => Result(() => json, human);

    /// <summary>The same, the JSON made only when it is asked for: a reconcile's million findings are not a JSON tree for a person's screen.</summary>
    public void Result(Func<JsonObject> json, Action<TextWriter> human)
    {
        if (Json)
        {
            Host.Out.WriteLine(json().ToJsonString(JsonOptions));
            return;
        }
        if (!Quiet) human(Host.Out);
    }

    /// <summary>
    /// The same, the answer's <paramref name="list"/> (empty in <paramref name="json"/>, where it goes) written item by item
    /// as it is made (<see cref="JsonAnswer"/>).
    /// </summary>
    public void Result<T>(Func<JsonObject> json, string list, IEnumerable<T> items, Func<T, JsonNode> item, Action<TextWriter> human)
    {
        if (Json) JsonAnswer.Write(Host.Out, json(), list, items, item, JsonOptions);
        else if (!Quiet) human(Host.Out);
    }

    /// <summary>A message for the person, not the machine: stderr (stdout stays the result), masked.</summary>
    public void Say(string message)
    {
        if (!Quiet) Host.Error.WriteLine(Logging.Redact(message));
    }

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public void Dispose() => Log.Dispose();
}
