using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Providers;

/// <summary>The demo provider register's names, and a valid offer form.</summary>
public static class Providers
{
    public const string Contact = "provider@lsp.example";

    /// <summary>The demo provider contact's organisation.</summary>
    public const string Consultancy = "Shared Intelligence Partnership Consulting";
    public const string Council = "Sandwell Metropolitan Borough Council";
    public const string Police = "West Midlands Police";
    public const string Idea = "Improvement and Development Agency";

    public static Task<int> OrganisationIdAsync(this AppFactory app, string name) =>
        app.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<int> OfferIdAsync(this AppFactory app, string organisation, OfferKind? kind = null) =>
        app.WithDbAsync(db => db.Offers.Where(o => !o.IsWithdrawn && (kind == null || o.Kind == kind)
                && db.Organisations.Any(x => x.Id == o.OrganisationId && x.Name == organisation))
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    public static Task<int> ThemeIdAsync(this AppFactory app, string code) =>
        app.WithDbAsync(db => db.Themes.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    public static Task<int> RegionIdAsync(this AppFactory app, string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    public static async Task<Dictionary<string, string>> OfferFormAsync(this AppFactory app, string title, string kind = "Training",
        string dayRate = "300", string days = "5") => new()
    {
        ["Input.ProgrammeId"] = (await app.WithDbAsync(db => db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync())).ToString(),
        ["Input.Kind"] = kind,
        ["Input.Title"] = title,
        ["Input.Description"] = "Two half-day sessions.",
        ["Input.DayRate"] = dayRate,
        ["Input.DaysAvailable"] = days,
        ["Input.ThemeIds"] = (await app.ThemeIdAsync("performance-management")).ToString(),
        ["Input.RegionIds"] = (await app.RegionIdAsync("west-midlands")).ToString(),
    };
}
