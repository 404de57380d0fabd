using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LspCapacity.Tests.Operations;

/// <summary>Issue 21 item 4: the edges a real installation behind a load balancer needs.</summary>
public class ProductionEdgesTests
{
    private static Dictionary<string, string> Credentials(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = "wrong-password-xxxx",
    };

    /// <summary>A client whose requests come through the proxy on this machine, for the client at <paramref name="clientAddress"/>.</summary>
    private static HttpClient Through(AppFactory app, string clientAddress)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(HttpClient client, string email, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.SubmitFormAsync(Routes.SignIn, Credentials(email))).StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task SignInLimit_BehindAForwardingProxy_IsPerClientAddress()
    {
        await using var app = new AppFactory { ConnectionAddress = IPAddress.Loopback };
        app.Settings["Accounts:PermitsPerMinute"] = "3";

        var first = await SignInAttemptsAsync(Through(app, "203.0.113.10"), Demo.Mentor, 4);
        var second = await SignInAttemptsAsync(Through(app, "203.0.113.20"), Demo.Mentor, 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task SignInLimit_OneOfficeAddress_AColleaguesTyposDoNotLockOthersOut()
    {
        await using var app = new AppFactory { ConnectionAddress = IPAddress.Loopback };
        app.Settings["Accounts:PermitsPerMinute"] = "3";
        var office = Through(app, "198.51.100.7");

        var colleague = await SignInAttemptsAsync(office, Demo.Mentor, 4);
        var signIn = await office.SubmitFormAsync(Routes.SignIn, new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.Coordinator,
            ["Input.Password"] = Demo.Password,
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, colleague[3]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode); // signed in
    }

    [Fact]
    public async Task SignInLimit_OneAddressTryingManyAccounts_MeetsTheAddressCeiling()
    {
        await using var app = new AppFactory { ConnectionAddress = IPAddress.Loopback };
        app.Settings["Accounts:PermitsPerMinute"] = "3";
        app.Settings["Accounts:PermitsPerAddressPerMinute"] = "5";
        var sprayer = Through(app, "192.0.2.66");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.AddRange(await SignInAttemptsAsync(sprayer, $"someone{i}@lsp.example", 1));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal([HttpStatusCode.OK], await SignInAttemptsAsync(Through(app, "192.0.2.67"), "someone0@lsp.example", 1));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnAddressNotConfiguredAsAProxy_AreIgnored()
    {
        await using var app = new AppFactory { ConnectionAddress = IPAddress.Parse("192.0.2.1") };
        app.Settings["Accounts:PermitsPerMinute"] = "3";
        app.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5";

        var first = await SignInAttemptsAsync(Through(app, "203.0.113.10"), Demo.Mentor, 3);
        // A forged header does not buy a new allowance: the caller is 192.0.2.1 whatever it claims.
        var forged = await SignInAttemptsAsync(Through(app, "203.0.113.99"), Demo.Mentor, 1);

        Assert.All(first, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.TooManyRequests], forged);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAConfiguredProxyNetwork_GiveTheClientsAddress()
    {
        await using var app = new AppFactory { ConnectionAddress = IPAddress.Parse("10.0.0.9") };
        app.Settings["Accounts:PermitsPerMinute"] = "2";
        app.Settings["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/24";

        var first = await SignInAttemptsAsync(Through(app, "203.0.113.10"), Demo.Mentor, 3);
        var second = await SignInAttemptsAsync(Through(app, "203.0.113.11"), Demo.Mentor, 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[2]);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task HealthLive_AnswersWithTheStatusAlone()
    {
        await using var app = new AppFactory();
        var response = await app.CreateAnonymousClient().GetAsync(Routes.HealthLive);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthReady_ShowsNoInternalsToAnonymousCallers_ButDoesToAdmins()
    {
        await using var app = new AppFactory();
        var anonymous = await app.CreateAnonymousClient().GetAsync(Routes.HealthReady);
        var admin = await app.CreateClientAs(Demo.Admin).GetAsync(Routes.HealthReady);

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await anonymous.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await admin.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("failed job(s)", checks.GetProperty("jobs").GetProperty("description").GetString());
    }

    [Fact]
    public async Task HealthReady_FailsWhenTheDatabaseIsUnreachable_WhileLiveStillAnswers()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        if (app.PostgresConnectionString is { } postgres)
        {
            TestDatabase.DropPostgresDatabase(TestDatabase.PostgresServer!, postgres);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(app.DataFolder, "lspcapacity.db*"))
            {
                File.Delete(file);
            }
            File.WriteAllText(Path.Combine(app.DataFolder, TestDatabase.SqliteFileName), "this is not a database");
        }

        var ready = await app.CreateAnonymousClient().GetAsync(Routes.HealthReady);
        var live = await app.CreateAnonymousClient().GetAsync(Routes.HealthLive);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("""{"status":"Unhealthy"}""", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Production_SendsHsts_SecureCookies_AndLogsJson()
    {
        await using var app = new AppFactory { EnvironmentName = "Production" };
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://lsp.example"),
            AllowAutoRedirect = false,
        });

        var response = await client.GetAsync(Routes.SignIn);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lsp.antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    [Fact]
    public async Task Testing_SendsNoHsts()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://lsp.example") });

        var response = await client.GetAsync(Routes.SignIn);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task DataProtectionKeys_AreEncryptedInTheDatabase()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        var key = app.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var xml = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking()
            .Where(k => k.FriendlyName == "key-" + key.KeyId.ToString("D")).Select(k => k.Xml).SingleAsync());

        Assert.Contains("encryptedSecret", xml);
        Assert.Contains("X509Data", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    [Fact]
    public async Task OnSqliteWithoutACertificate_OneIsMadeInTheDataFolder_AndEncryptsTheKeys()
    {
        await using var app = new AppFactory();
        app.Settings["DataProtection:CertificatePath"] = "";
        if (app.PostgresConnectionString is not null)
        {
            return; // PostgreSQL: several nodes must share a configured certificate
        }
        app.CreateAnonymousClient();
        var key = app.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var xml = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking()
            .Where(k => k.FriendlyName == "key-" + key.KeyId.ToString("D")).Select(k => k.Xml).SingleAsync());

        Assert.True(File.Exists(ProductionEdges.GeneratedCertificatePath(app.DataFolder)));
        Assert.Contains("encryptedSecret", xml);
        Assert.Contains(typeof(GeneratedKeyCertificate.Decryptor).FullName!, xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    /// <summary>The app started on an instance whose data folder is <paramref name="dataFolder"/>, with no certificate configured.</summary>
    private static AppFactory OnDataFolderWithoutACertificate(AppFactory first, string dataFolder)
    {
        var app = AppFactory.SecondInstanceOf(first);
        app.Settings["DataProtection:CertificatePath"] = "";
        app.Settings["App:DataFolder"] = dataFolder;
        app.CreateAnonymousClient();
        return app;
    }

    [Fact]
    public async Task OnSqliteWithoutACertificate_TheOneMadeOnTheFirstStart_ReadsItsKeysAfterARestart_AndNoOtherDoes()
    {
        await using var first = new AppFactory();
        if (first.PostgresConnectionString is not null)
        {
            return; // PostgreSQL: several nodes must share a configured certificate
        }
        first.Settings["DataProtection:CertificatePath"] = "";
        first.CreateAnonymousClient();
        var sealedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept across a restart");

        // A restart on the same data folder and database reads the key from the database and decrypts it with the file.
        await using var restarted = OnDataFolderWithoutACertificate(first, first.DataFolder);
        Assert.Equal("kept across a restart", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));

        // The database with another data folder (a copy of the database alone): the key cannot be read.
        var elsewhere = Path.Combine(first.DataFolder, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        await using var copy = OnDataFolderWithoutACertificate(first, elsewhere);
        Assert.ThrowsAny<CryptographicException>(() =>
            copy.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
    }

    [Fact]
    public async Task OnSqliteWithoutACertificate_KeysStoredBeforeItWasMadeInTheBackground_StillDecrypt()
    {
        await using var first = new AppFactory();
        if (first.PostgresConnectionString is not null)
        {
            return; // PostgreSQL: several nodes must share a configured certificate
        }
        first.Settings["DataProtection:CertificatePath"] = "";
        first.CreateAnonymousClient();
        var certificate = first.Services.GetRequiredService<GeneratedKeyCertificate>().Certificate; // made as the app started
        Assert.Equal(certificate.Thumbprint,
            X509CertificateLoader.LoadPkcs12FromFile(ProductionEdges.GeneratedCertificatePath(first.DataFolder), null).Thumbprint);

        // A key as the app stored it before: Data Protection's own certificate encryptor, which names its own decryptor.
        var folder = Path.Combine(first.DataFolder, "old-keys");
        var before = new ServiceCollection().AddDataProtection().SetApplicationName("LspCapacity")
            .PersistKeysToFileSystem(new DirectoryInfo(folder)).ProtectKeysWithCertificate(certificate).Services.BuildServiceProvider();
        var sealedText = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("stored before");
        var file = Directory.GetFiles(folder, "key-*.xml").Single();
        var xml = await File.ReadAllTextAsync(file);
        Assert.Contains("EncryptedXmlDecryptor", xml);
        await first.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.Add(new() { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = xml });
            await db.SaveChangesAsync();
        });

        await using var restarted = OnDataFolderWithoutACertificate(first, first.DataFolder);
        Assert.Equal("stored before", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
    }
}
