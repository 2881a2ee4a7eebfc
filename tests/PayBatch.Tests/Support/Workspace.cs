using System.Collections;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PayBatch.Cli;
using PayBatch.Core.Persistence;

namespace PayBatch.Tests.Support;

/// <summary>Result of one in-process <c>paybatch</c> invocation.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>
/// A temporary working directory with its own database, settings and clock, running the real
/// command line in-process. Each test gets a fresh one.
/// </summary>
public sealed class Workspace : IDisposable
{
    /// <param name="provider">sqlite (a file in the workspace) or postgres (a fresh database on the test server).</param>
    public Workspace(string provider = "sqlite")
    {
        Dir = Path.Combine(Path.GetTempPath(), "paybatch-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.Zero));
        Provider = provider == "postgres" ? DbProvider.Postgres : DbProvider.Sqlite;
        ConnectionString = Provider == DbProvider.Postgres
            ? Providers.CreatePostgresDatabase()
            : $"Data Source={Path.Combine(Dir, "paybatch.db")}";
        Environment["PAYBATCH_DATABASE__PROVIDER"] = provider;
        Environment["PAYBATCH_DATABASE__CONNECTIONSTRING"] = ConnectionString;
    }

    public DbProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The workspace's database, for assertions on what a command changed.</summary>
    public PayBatchDb OpenDb() => DbFactory.Create(Provider, ConnectionString);

    public string Dir { get; }
    public FakeTimeProvider Clock { get; }
    public Hashtable Environment { get; } = new() { ["CI"] = "true" };

    /// <summary>Whether stdout counts as a terminal (progress is shown only there).</summary>
    public bool Terminal { get; set; }

    /// <summary>The system's UI culture as the command line sees it (English unless a test says otherwise).</summary>
    public System.Globalization.CultureInfo UiCulture { get; set; } = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>EF interceptors for every database the commands open (fault injection).</summary>
    public IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Interceptors { get; set; } = [];

    public string OutDir => Path.Combine(Dir, "out");

    public string Path_(params string[] parts) => Path.Combine([Dir, .. parts]);

    public string Write(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>The department settings the payer-named formats need.</summary>
    public void WriteDepartmentSettings(string knp = "999") => Write("paybatch.json", $$"""
        {
          "Department": { "Name": "ГУ «Управление занятости и социальных программ города Астаны»", "Bin": "080340001230",
                          "Iban": "KZ28070KZT0000123456", "Bic": "KKMFKZ2A", "Chief": "Сейткали А. Б.", "ChiefAccountant": "Иманова Г. К." },
          "Payment": { "Knp": "{{knp}}" }
        }
        """);

    public CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr, Dir, Environment, Clock, OutputIsTerminal: Terminal) { Interceptors = Interceptors, UiCulture = UiCulture };
        var code = CliApp.RunAsync(args, host).GetAwaiter().GetResult();
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public CliRun RunOk(params string[] args)
    {
        var r = Run(args);
        Assert.True(r.ExitCode == 0, $"paybatch {string.Join(' ', args)} exited {r.ExitCode}:\n{r.Error}\n{r.Out}");
        return r;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (Provider == DbProvider.Postgres) Providers.Drop(ConnectionString);
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { /* a file still open on another runtime thread; the temp folder is reclaimed later */ }
    }
}
