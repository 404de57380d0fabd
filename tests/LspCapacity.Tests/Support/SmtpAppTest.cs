namespace LspCapacity.Tests.Support;

/// <summary>A test class with its own app whose email goes over SMTP to its own in-process server on 127.0.0.1.</summary>
public abstract class SmtpAppTest : IAsyncLifetime
{
    protected SmtpTestServer Smtp { get; } = new();
    protected AppFactory App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new AppFactory { SmtpPort = Smtp.Port };
        App.CreateAnonymousClient(); // start it: migrate and seed
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
