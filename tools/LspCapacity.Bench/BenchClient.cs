using System.Net;
using System.Text.RegularExpressions;

namespace LspCapacity.Bench;

/// <summary>A browser-like client: keeps cookies, follows no redirects, signs in through the real sign-in page.</summary>
public sealed partial class BenchClient : IDisposable
{
    private readonly HttpClient _http;

    public BenchClient(string baseUrl)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>The page's antiforgery token (the hidden field every Razor Pages form carries).</summary>
    public async Task<string> TokenFromAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        var match = TokenField().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public async Task SignInAsync(string email, string password)
    {
        var token = await TokenFromAsync("/account/sign-in");
        using var response = await _http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>The value of the sign-in cookie, as a "Cookie:" header value for other tools (wrk).</summary>
    public string CookieHeader() => Cookies.GetCookieHeader(_http.BaseAddress!);

    public async Task<HttpStatusCode> PostFormAsync(string path, string token)
    {
        using var response = await _http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
