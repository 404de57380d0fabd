namespace LspCapacity.Tests.Support;

/// <summary>A test class with its own app whose email goes over SMTP to its own in-process server on 127.0.0.1.</summary>
public abstract class SmtpAppTest : IAsyncLifetime
{
    protected SmtpTestServer Smtp { get; } = new();
    protected AppFactory App { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        App = new AppFactory { SmtpPort = Smtp.Port };
        App.CreateAnonymousClient(); // start it: migrate and seed
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
