using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var dbPath = Path.Combine(builder.Environment.ContentRootPath, "fortunes.db");
builder.Services.AddDbContextPool<FortuneDb>(o => o.UseSqlite($"Data Source={dbPath}"));
builder.Services.AddRazorPages();

var app = builder.Build();

// Create and fill the database once, if missing.
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FortuneDb>();
    if (db.Database.EnsureCreated())
    {
        db.Fortunes.Add(new Fortune { Id = 1, Message = "fortune: No such file or directory" });
        db.Fortunes.Add(new Fortune { Id = 2, Message = "<script>alert(\"This should not be displayed in a browser alert box.\");</script>" });
        db.Fortunes.Add(new Fortune { Id = 3, Message = "フレームワークのベンチマーク" });
        for (var i = 4; i <= 100; i++)
        {
            db.Fortunes.Add(new Fortune { Id = i, Message = $"Fortune #{i}: A computer program does what you tell it to do, not what you want it to do & more." });
        }
        db.SaveChanges();
    }
}

app.MapGet("/plaintext", () => "Hello, World!");
app.MapRazorPages();
app.Run();

public sealed class Fortune
{
    public int Id { get; set; }
    public string Message { get; set; } = "";
}

public sealed class FortuneDb(DbContextOptions<FortuneDb> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();
}
