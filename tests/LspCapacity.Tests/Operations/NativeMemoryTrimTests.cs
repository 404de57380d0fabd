using LspCapacity.Tests.Support;
using LspCapacity.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LspCapacity.Tests.Operations;

/// <summary>The C allocator's free memory is given back on Linux with glibc (this machine's and CI's), and the app runs the trim.</summary>
public class NativeMemoryTrimTests
{
    [Fact]
    public void OnLinuxWithGlibc_TheTrimIsFoundAndRuns()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && (File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || File.Exists("/usr/lib/x86_64-linux-gnu/libc.so.6")),
            "glibc on x86-64 Linux only");
        Assert.True(NativeMemoryTrim.Trim()); // false if the library or its entry point were not found
    }

    [Fact]
    public async Task TheApp_RunsTheTrim()
    {
        await using var app = new AppFactory();
        app.CreateAnonymousClient();
        Assert.Contains(app.Services.GetServices<IHostedService>(), service => service is NativeMemoryTrim);
    }
}
