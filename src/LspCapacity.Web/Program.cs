using System.Globalization;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using LspCapacity.Web.Data;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using LspCapacity.Web.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// `copy-to-postgres "<connection string>"` moves this (SQLite) installation's data to PostgreSQL and exits;
// `backup <folder>` and `restore <file>` back up and restore the SQLite database (Data/Backups.cs).
var copyToPostgres = args is [SqliteToPostgres.Command, var target, ..] ? target : null;
var isCommand = copyToPostgres is not null || args is [Backups.BackupCommand or Backups.RestoreCommand, ..];
var builder = WebApplication.CreateBuilder(isCommand ? args[Math.Min(2, args.Length)..] : args);
// British English for every thread, the background jobs' included: formats, and the language third-party
// pages declare (Hangfire's dashboard said lang="iv", the invariant culture, on a server without a locale).
CultureInfo.DefaultThreadCurrentCulture = UkTime.Culture;
CultureInfo.DefaultThreadCurrentUICulture = UkTime.Culture;
var config = builder.Configuration;
builder.AddAppObservability();

// --- Options ---------------------------------------------------------------------------------
builder.Services.Configure<AppOptions>(config.GetSection(AppOptions.Section));
builder.Services.Configure<AccountOptions>(config.GetSection(AccountOptions.Section));
builder.Services.Configure<EmailOptions>(config.GetSection(EmailOptions.Section));
builder.Services.Configure<SeedOptions>(config.GetSection(SeedOptions.Section));
var app0 = config.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
var accounts = config.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
var dataFolder = app0.ResolveDataFolder(builder.Environment.ContentRootPath);
Directory.CreateDirectory(dataFolder);

// --- Data ------------------------------------------------------------------------------------
var databaseProvider = Databases.Provider(config);
var connectionString = Databases.ConnectionString(config, databaseProvider, dataFolder);
if (await Backups.RunCommandAsync(args, databaseProvider, connectionString, dataFolder, Console.Out, Console.Error) is { } exitCode)
{
    Environment.ExitCode = exitCode;
    return;
}
// While this app runs, restore refuses to replace its database.
using var running = databaseProvider == DatabaseProvider.Sqlite ? RunningLock.Take(Backups.DatabasePath(connectionString)) : null;
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<OutboxCommitInterceptor>();
builder.Services.AddAppDatabase(databaseProvider, connectionString);
builder.Services.AddSingleton<FiguresCache>();
builder.Services.AddHostedService<NativeMemoryTrim>(); // the C allocator's free memory given back on Linux
builder.Services.AddSingleton<ReferenceData>();
builder.Services.AddPublicPageCache();
builder.Services.AddScoped<Seeder>();
builder.Services.AddScoped<SqliteToPostgres>();
builder.Services.AddScoped<NeedsTemplate>();

// --- Accounts --------------------------------------------------------------------------------
builder.Services.AddIdentity<AppUser, IdentityRole>(options =>
    {
        // Current guidance (NCSC, NIST SP 800-63B): length, not character-mix rules; passphrases welcome.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
        options.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddPasswordValidator<CommonPasswordValidator>();
builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(accounts.ResetTokenHours));
builder.Services.Configure<SecurityStampValidatorOptions>(o =>
{
    o.ValidationInterval = TimeSpan.FromMinutes(1);
    o.OnRefreshingPrincipal = Sessions.KeepSession;
});
builder.Services.AddSingleton<Sessions>();
builder.Services.AddSingleton<TrustedDevices>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "lsp.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.LoginPath = Routes.SignIn;
    options.LogoutPath = Routes.SignOut;
    options.AccessDeniedPath = Routes.Forbidden;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.Events.OnRedirectToAccessDenied = AccessLog.RefuseWith403;
    // Identity's check of the security stamp resolves its validator (and with it the whole sign-in
    // service graph) on every request, only to find that the check is not due; look at the time first,
    // by the same rule and clock it uses.
    // Every cookie names a server-side session (Infrastructure/Sessions.cs), ended by signing out.
    options.Events.OnSigningIn = Sessions.OnSigningIn;
    options.Events.OnValidatePrincipal = async context =>
    {
        if (!await Sessions.ValidateAsync(context))
        {
            return;
        }
        var stamp = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        if (context.Properties.IssuedUtc is not { } issued || (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > stamp.ValidationInterval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    };
});
builder.Services.AddDataProtection()
    .SetApplicationName("LspCapacity")
    .PersistKeysToDbContext<AppDbContext>() // shared by every web node
    .ProtectKeysAtRest(config, builder.Environment, databaseProvider, dataFolder);
builder.Services.AddAuthorization(Policies.Configure);
builder.Services.AddAppAuthorizationHandlers();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<CurrentProgramme>();
builder.Services.AddRateLimiter(options => AccountRateLimit.Configure(options, accounts));
builder.Services.AddForwardedHeadersFromConfig(config);

// --- Pages -----------------------------------------------------------------------------------
builder.Services.AddRazorPages(options =>
{
    options.Conventions.ConfigureFilter(new NationalReadOnlyFilter()); // first: the national team's POSTs are refused, whatever they name
    options.Conventions.ConfigureFilter(new UnknownHandlerFilter());
    options.Conventions.AuthorizeFolder("/People", Policies.Coordinator);
    options.Conventions.AuthorizeFolder("/Mail", Policies.Coordinator); // /outbox
    options.Conventions.AuthorizeFolder("/Dashboard", Policies.ProgrammeReader);
    options.Conventions.AuthorizePage("/Needs/Coverage", Policies.RegionNeeds);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Admin/Regions", Policies.Admin);
    options.Conventions.AuthorizePage("/Admin/Region", Policies.Admin);
    options.Conventions.AuthorizePage("/Admin/Themes", Policies.Admin);
    options.Conventions.AuthorizePage("/Admin/Theme", Policies.Admin);
    options.Conventions.AuthorizeFolder("/National", Policies.National);
    options.Conventions.AuthorizeFolder("/Brokerage", Policies.Brokerage);
    options.Conventions.AuthorizePage("/Partnerships/Create", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Partnerships/Edit", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Activities/Create", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Activities/Edit", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Activities/Manage", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Activities/SignInSheet", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Activities/Export", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Needs/Surveys/Create", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Needs/Surveys/Export", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Needs/Surveys/Question", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Placements/Create", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Library/Moderation", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Reviews/Create", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Projects/Decide", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Providers/Create", Policies.Coordinator);
    options.Conventions.AuthorizePage("/Admin/Audit", Policies.Admin);
    // The deliberately public pages; everything else needs sign-in (the fallback policy).
    foreach (var page in PublicPages.All)
    {
        options.Conventions.AllowAnonymousToPage(page);
    }
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
{
    // Values that cannot be bound (text in a number field, an option that does not exist) get plain words.
    var messages = o.ModelBindingMessageProvider;
    messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid value for {field}");
    messages.SetValueIsInvalidAccessor(value => $"'{value}' is not a valid value");
    messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number");
    messages.SetMissingBindRequiredValueAccessor(field => $"Enter {field}");
    // Dates come as the GOV.UK date input's day, month and year.
    o.ModelBinderProviders.Insert(0, new DateInputModelBinderProvider());
});
builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
// Like the sign-in cookie (SameAsRequest by default): Secure whenever the request came over HTTPS.
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "lsp.antiforgery";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
builder.Services.AddProductionTransportSecurity(builder.Environment); // Secure cookies and HSTS in Production

// --- Email and jobs --------------------------------------------------------------------------
builder.Services.AddScoped<Outbox>();
builder.Services.AddScoped<ActivityEmails>();
builder.Services.AddScoped<LspCapacity.Web.Pages.People.PersonInviter>();
builder.Services.AddScoped<MailSender>();
builder.Services.AddScoped<OutboxDeliveryJob>();
builder.Services.AddScoped<SurveyChaserJob>();
builder.Services.AddScoped<PlacementNudgeJob>();
builder.Services.AddScoped<ProjectRemindersJob>();
builder.Services.AddScoped<AccountHousekeepingJob>();
builder.Services.AddScoped<RetentionJob>();
builder.Services.AddScoped<ActivityReminderJob>();
builder.Services.AddScoped<FeedbackRequestJob>();
builder.Services.AddScoped<MinimumNumberJob>();
builder.Services.AddScoped<LibraryDigestJob>();
builder.Services.AddScoped<ReviewReminderJob>();
builder.Services.AddScoped<BackupJob>();
builder.Services.Configure<BackupOptions>(config.GetSection(BackupOptions.Section));
builder.Services.AddScoped<BrokerageRatingJob>();
// The shortlist's fair-share reason, from the fair-shares calculation.
builder.Services.AddScoped<LspCapacity.Web.Domain.Brokerage.IFairSharePosition, LspCapacity.Web.Pages.Brokerage.FairShareReason>();
builder.Services.Configure<ActivityOptions>(config.GetSection(ActivityOptions.Section));
builder.Services.Configure<PlacementOptions>(config.GetSection(PlacementOptions.Section));
builder.Services.Configure<ProjectOptions>(config.GetSection(ProjectOptions.Section));
builder.Services.Configure<NeedsOptions>(config.GetSection(NeedsOptions.Section));
builder.Services.Configure<ReviewOptions>(config.GetSection(ReviewOptions.Section));
builder.Services.Configure<RetentionOptions>(config.GetSection(RetentionOptions.Section));
builder.Services.Configure<LspCapacity.Web.Pages.Library.LibraryOptions>(config.GetSection(LspCapacity.Web.Pages.Library.LibraryOptions.Section));
builder.Services.Configure<LspCapacity.Web.Pages.Brokerage.FairShareOptions>(config.GetSection(LspCapacity.Web.Pages.Brokerage.FairShareOptions.Section));
builder.Services.AddScoped<LspCapacity.Web.Pages.Brokerage.FairShareQueries>();
builder.Services.AddSingleton<OutboxHeadStart>();
builder.Services.AddScoped<IOutboxSignal, HangfireOutboxSignal>();
// Registered before AddHangfire so every Hangfire service (client, recurring manager, server) of this
// host uses this storage, never the process-wide JobStorage.Current another host may have set.
builder.Services.AddSingleton<JobStorage>(_ =>
{
    if (databaseProvider != DatabaseProvider.Postgres)
    {
        return new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
    }
    // Its own connection pool (another application name), so a job enqueued while a request holds a
    // connection never waits on the pool that request is part of.
    var jobsConnection = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "lspcapacity-jobs" };
    var options = new PostgreSqlStorageOptions
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        InvisibilityTimeout = JobTimeouts.InvisibilityTimeout,
        DistributedLockTimeout = JobTimeouts.InvisibilityTimeout,
    };
    return new PostgreSqlStorage(new NpgsqlConnectionFactory(jobsConnection.ConnectionString, options), options);
});
// Likewise the activator: Hangfire's default registration is the process-wide JobActivator.Current,
// which the last host to start overwrites, so a job could be built from another host's (perhaps
// disposed) services. This host's jobs are built from this host's container.
builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
builder.Services.AddHangfire((services, c) => c
    .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>()))
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseStorage(services.GetRequiredService<JobStorage>()));
if (config.GetValue("Jobs:RunServer", true))
{
    builder.Services.AddHangfireServer(o =>
    {
        o.WorkerCount = config.GetValue("Jobs:WorkerCount", 2);
        o.HeartbeatInterval = JobTimeouts.Heartbeat;
        o.ServerTimeout = JobTimeouts.ServerTimeout;
        o.ServerCheckInterval = JobTimeouts.ServerCheckInterval;
    });
}

builder.Services.AddHealthChecks()
    // A real query: SQLite "connects" even to a file that is not a database. On a connection opened for the check, not
    // one lent open (SqliteStatementCache): the question is whether the database can be opened and read now.
    .AddDbContextCheck<AppDbContext>("database", customTestQuery: async (db, ct) =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            await db.Regions.AsNoTracking().AnyAsync(ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
        return true;
    })
    .AddCheck<JobStorageHealthCheck>("jobs");

var app = builder.Build();

// --- Start-up: database, schema, seed, schedules ---------------------------------------------
// One node at a time (nodes may be started together): the lock is taken, and a missing PostgreSQL
// database created, before anything resolves the job storage, which would otherwise retry its
// connection to the missing database for half a minute.
await using (await StartupLock.AcquireAsync(databaseProvider, connectionString, app.Services.GetRequiredService<ILogger<StartupLock>>()))
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await Databases.MigrateAsync(db);
    if (db.Database.IsSqlite())
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
    }
    await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(); // idempotent
    if (db.Database.IsSqlite())
    {
        // Statistics for SQLite's query planner (PostgreSQL's autovacuum keeps its own). Without them
        // SQLite picked the index that saves a sort over the one that finds the row: the activity
        // page's "case studies from this activity" scanned every published case study. A sampled
        // ANALYZE (analysis_limit) takes about 60 ms on the national benchmark data.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;");
        // One process owns a SQLite database, so a claim on an outbox row now was left by a killed run.
        await OutboxDeliveryJob.ReleaseClaimsOfStoppedRunsAsync(db);
    }
    RecurringJobs.Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
}

if (copyToPostgres is not null)
{
    await using var scope = app.Services.CreateAsyncScope();
    Environment.ExitCode = await scope.ServiceProvider.GetRequiredService<SqliteToPostgres>().RunAsync(copyToPostgres, Console.Out, Console.Error);
    return;
}

// --- Pipeline --------------------------------------------------------------------------------
app.UseForwardedHeaders(); // first: every later piece sees the client's address and scheme, not the proxy's
app.UseExceptionHandler(Routes.ServerError);
if (app.Environment.IsProduction())
{
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute(Routes.StatusCode);
app.UseSecurityHeaders();
// Every request in en-GB, whatever the browser asks for: the service is written in British English.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(UkTime.Culture),
    SupportedCultures = [UkTime.Culture],
    SupportedUICultures = [UkTime.Culture],
    RequestCultureProviders = [],
});
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication(); // before the rate limiter: change password is limited per signed-in person
app.UseAccountFormsFirst();
app.UseRateLimiter();
app.UseAuthorization();
app.UseOutputCache(); // after authentication: it must know who is signed in (PublicPageCache)

app.MapRazorPages();
app.MapAppHealthChecks();
app.MapHangfireDashboard(Routes.Jobs, new DashboardOptions
{
    Authorization = [], // the endpoint's Admin policy decides
    AppPath = "/",
    DashboardTitle = "LspCapacity jobs",
}).RequireAuthorization(Policies.Admin);

app.Run();

public partial class Program;
