using Microsoft.AspNetCore.DataProtection;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// A device cookie (OWASP's "device cookies" defence against lockout abuse): a browser that signed in
/// as a person before carries a signed note saying so. From such a browser the person's right password
/// still works while strangers have locked the account, and wrong passwords there are counted for that
/// browser alone. The note names the person and a random device id; it cannot be forged or moved to
/// another person, and lasts <see cref="Lifetime"/>.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "lsp.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("LspCapacity.TrustedDevice").ToTimeLimitedDataProtector();

    public sealed record Device(string UserId, string DeviceId)
    {
        /// <summary>The key of this device's own count of failed sign-ins.</summary>
        public string LockoutKey => "device:" + DeviceId;
    }

    public Device? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts is [var userId, var deviceId] ? new Device(userId, deviceId) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // forged, expired or from keys no longer held
        }
    }

    /// <summary>Marks this browser as one the person signed in from (keeping its id if it already was).</summary>
    public void Remember(HttpContext context, string userId, string? deviceId = null)
    {
        deviceId ??= Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        context.Response.Cookies.Append(CookieName, _protector.Protect($"{userId}|{deviceId}", Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
            IsEssential = true,
            Path = Routes.AccountPages,
        });
    }
}
