using System.Collections.Concurrent;
using System.Security.Claims;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Server-side sessions: each sign-in cookie carries the id of a <see cref="UserSession"/> row and is
/// accepted only while that row exists. To keep the check off the database on most requests, a session
/// seen alive is trusted for <see cref="AccountOptions.SessionCheckSeconds"/> by this node; ending a
/// session forgets it here at once, so on the node that signed out a copied cookie is refused on its
/// very next request, and on any other node within that interval.
/// </summary>
public sealed class Sessions(TimeProvider clock, IOptions<AccountOptions> options)
{
    public const string ClaimType = "lsp:session";

    // Entries of cookies that simply expire are never removed one by one; start afresh past this size.
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    private TimeSpan CheckEvery => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);

    /// <summary>Starts a session for <paramref name="userId"/> and returns its id (saved at once).</summary>
    public async Task<string> StartAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession(userId, now);
        // The session and the last sign-in (what the retention job measures idleness from) in one unit of work.
        await db.InTransactionAsync(async ct =>
        {
            db.UserSessions.Add(session);
            await db.SaveChangesAsync(ct);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), ct);
        }, cancellationToken);
        Remember(session.Id, userId);
        return session.Id;
    }

    public async Task<bool> IsLiveAsync(AppDbContext db, string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_seen.TryGetValue(sessionId, out var seen) && seen.UserId == userId && now - seen.At < CheckEvery)
        {
            return true;
        }
        var live = await db.UserSessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (live)
        {
            Remember(sessionId, userId);
        }
        else
        {
            _seen.TryRemove(sessionId, out _);
        }
        return live;
    }

    /// <summary>Ends one session (signing out).</summary>
    public async Task EndAsync(AppDbContext db, string sessionId, CancellationToken cancellationToken = default)
    {
        _seen.TryRemove(sessionId, out _);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is not null)
        {
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Ends every session of a person ("sign out of all devices").</summary>
    public async Task<int> EndAllAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        Forget(userId);
        var sessions = await db.UserSessions.Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        db.UserSessions.RemoveRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
        return sessions.Count;
    }

    /// <summary>
    /// Forgets that this node saw any session of the person alive, so their next request is checked against
    /// the database (where their sessions have been deleted, e.g. by erasure).
    /// </summary>
    public void Forget(string userId)
    {
        foreach (var entry in _seen.Where(e => e.Value.UserId == userId))
        {
            _seen.TryRemove(entry.Key, out _);
        }
    }

    private void Remember(string sessionId, string userId)
    {
        if (_seen.Count >= MaxRemembered)
        {
            _seen.Clear();
        }
        _seen[sessionId] = new Seen(userId, clock.GetUtcNow());
    }

    private readonly record struct Seen(string UserId, DateTimeOffset At);

    // --- The sign-in cookie's events ---------------------------------------------------------------

    /// <summary>
    /// Gives a new sign-in cookie its session: the one the request already holds for the same person
    /// (a refresh after changing the password), otherwise a new one.
    /// </summary>
    public static async Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == ClaimType))
        {
            return;
        }
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null)
        {
            return;
        }
        var current = context.HttpContext.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? current.FindFirstValue(ClaimType) : null;
        if (sessionId is null)
        {
            var services = context.HttpContext.RequestServices;
            sessionId = await services.GetRequiredService<Sessions>()
                .StartAsync(services.GetRequiredService<AppDbContext>(), userId, context.HttpContext.RequestAborted);
        }
        identity.AddClaim(new Claim(ClaimType, sessionId));
    }

    /// <summary>A cookie whose session has ended (or that has none) signs nobody in.</summary>
    public static async Task<bool> ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(ClaimType);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        if (sessionId is not null && userId is not null
            && await services.GetRequiredService<Sessions>().IsLiveAsync(services.GetRequiredService<AppDbContext>(), sessionId, userId, context.HttpContext.RequestAborted))
        {
            return true;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }

    /// <summary>Identity rebuilds the principal when it re-checks the security stamp: keep its session.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        var sessionId = context.CurrentPrincipal?.FindFirstValue(ClaimType);
        if (sessionId is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, sessionId));
        }
        return Task.CompletedTask;
    }
}
