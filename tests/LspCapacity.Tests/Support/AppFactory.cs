using System.Security.Claims;
using System.Text.Encodings.Web;
using LspCapacity.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LspCapacity.Tests.Support;

/// <summary>
/// The real app over a real database of its own — a SQLite file in a temporary data folder, or a new
/// PostgreSQL database when <see cref="TestDatabase.Variable"/> is set — with demo data seeded, no
/// Hangfire server (tests run jobs by calling them) and a clock the test controls. Email goes to the
/// pickup folder unless <see cref="SmtpPort"/> is set, then over SMTP to 127.0.0.1.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string TestUserHeader = "X-Test-User";

    private readonly bool _ownsDatabase;

    /// <summary>Starts on a copy of the test run's template database (see <see cref="StartsFromTemplate"/>).</summary>
    private readonly bool _fromTemplate;

    public AppFactory() : this(TestDatabase.PostgresServer is { } server ? TestDatabase.NewPostgresDatabase(server) : null, ownsDatabase: true)
    {
    }

    private AppFactory(string? postgresConnectionString, bool ownsDatabase, bool fromTemplate = true)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "lspcapacity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        PostgresConnectionString = postgresConnectionString;
        _ownsDatabase = ownsDatabase && postgresConnectionString is not null;
        // SQLite always has a new file of its own; on PostgreSQL only a database this factory names and drops.
        _fromTemplate = fromTemplate && (postgresConnectionString is null || ownsDatabase);
    }

    /// <summary>The app on SQLite whatever the test run's engine (e.g. the source of a move to PostgreSQL).</summary>
    public static AppFactory OnSqlite() => new(null, ownsDatabase: false);

    /// <summary>The app on an existing PostgreSQL database, which it leaves in place when disposed.</summary>
    public static AppFactory OnPostgres(string connectionString) => new(connectionString, ownsDatabase: false);

    /// <summary>The app that migrates and seeds the test run's template database (<see cref="TestDatabase"/>), started.</summary>
    internal static AppFactory TemplateBuilder(string? postgresConnectionString)
    {
        var app = new AppFactory(postgresConnectionString, ownsDatabase: false, fromTemplate: false);
        app.StartServer();
        return app;
    }

    /// <summary>
    /// True when the app started on a copy of the template: it was set up as every test class's app is
    /// (the seed settings untouched, the clock at its start), so a fresh migrate-and-seed would give the same data.
    /// </summary>
    public bool StartsFromTemplate { get; private set; }

    /// <summary>A second web node: its own host and data folder, on the same PostgreSQL database as <paramref name="other"/>.</summary>
    public static AppFactory SecondNodeOf(AppFactory other) =>
        OnPostgres(other.PostgresConnectionString ?? throw new InvalidOperationException("Only a PostgreSQL database can be shared by two nodes."));

    /// <summary>
    /// A second app instance (a second process or web node) on <paramref name="first"/>'s database: on PostgreSQL a second node
    /// (<see cref="SecondNodeOf"/>), on SQLite a second app on the same file. What it saves must show at once on the first.
    /// </summary>
    public static AppFactory SecondInstanceOf(AppFactory first)
    {
        if (first.PostgresConnectionString is not null)
        {
            return SecondNodeOf(first);
        }
        var second = OnSqlite();
        second.Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(first.DataFolder, "lspcapacity.db")}";
        return second;
    }

    public string DataFolder { get; }

    /// <summary>The database on the PostgreSQL test server, or null on SQLite.</summary>
    public string? PostgresConnectionString { get; }
    public TestClock Clock { get; } = new();

    /// <summary>Every SQL command the app runs (see QueryCounter).</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>What the app logged, from its start-up on.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Set before the first client is created to deliver email over SMTP to this port.</summary>
    public int? SmtpPort { get; set; }

    /// <summary>The hosting environment (Production turns on JSON logs, HSTS and Secure cookies).</summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>When set, every request arrives from this address (as from a proxy or a client), not TestServer's none.</summary>
    public System.Net.IPAddress? ConnectionAddress { get; set; }

    /// <summary>Extra configuration, applied last.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public string PickupFolder => Path.Combine(DataFolder, "mail-pickup");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_fromTemplate && Clock.GetUtcNow() == TestClock.Start
            && !Settings.Keys.Any(k => k.StartsWith("Seed:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database:", StringComparison.OrdinalIgnoreCase)))
        {
            if (PostgresConnectionString is null)
            {
                TestDatabase.CopySqliteTemplate(DataFolder);
            }
            else
            {
                TestDatabase.CreatePostgresDatabaseFromTemplate(PostgresConnectionString);
            }
            StartsFromTemplate = true;
        }
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["App:DataFolder"] = DataFolder,
            ["App:BaseUrl"] = "http://localhost",
            ["Seed:DemoData"] = "true",
            ["Jobs:RunServer"] = "false",
            ["Accounts:PermitsPerMinute"] = "1000",
            ["Accounts:PermitsPerAddressPerMinute"] = "100000",
            // One certificate for the test run encrypts the Data Protection keys (making one per app costs a key pair each).
            ["DataProtection:CertificatePath"] = TestDatabase.DataProtectionCertificate,
            ["Email:Mode"] = SmtpPort is null ? "Pickup" : "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = (SmtpPort ?? 25).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "5",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (PostgresConnectionString is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = PostgresConnectionString;
        }
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (ConnectionAddress is { } address)
            {
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ConnectionAddressFilter(address));
            }
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            if (PostgresConnectionString is null)
            {
                services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Queries));
            }
            else
            {
                services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Queries));
            }
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
                .AddPolicyScheme("TestOrCookie", null, o => o.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestUserHeader) ? TestAuthHandler.SchemeName : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = "TestOrCookie";
                o.DefaultAuthenticateScheme = "TestOrCookie";
                o.DefaultChallengeScheme = "TestOrCookie";
                o.DefaultForbidScheme = "TestOrCookie";
            });
        });
    }

    /// <summary>A client that does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as the person with this email, through the test scheme.</summary>
    public HttpClient CreateClientAs(string email)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(TestUserHeader, email);
        return client;
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Resolves a job (or any scoped service) in its own scope and runs it, as Hangfire would.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> run) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDatabase && disposing)
        {
            TestDatabase.DropPostgresDatabase(TestDatabase.PostgresServer!, PostgresConnectionString!);
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned up by the OS.
        }
    }
}

/// <summary>Signs the request in as the seeded person named in the X-Test-User header, with the app's own claims.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var email = Request.Headers[AppFactory.TestUserHeader].ToString();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AuthenticateResult.Fail($"No test user {email}");
        }
        var principal = await claims.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 403;
        return Task.CompletedTask;
    }
}

/// <summary>Gives every request a client address, first in the pipeline (TestServer leaves it empty).</summary>
internal sealed class ConnectionAddressFilter(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
