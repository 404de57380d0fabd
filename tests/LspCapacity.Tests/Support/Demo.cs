namespace LspCapacity.Tests.Support;

/// <summary>The demo people seeded when Seed:DemoData is on (DESIGN §9).</summary>
public static class Demo
{
    public const string Password = "Capacity-2006!";
    public const string Admin = "admin@lsp.example";
    public const string Coordinator = "coordinator@lsp.example";
    public const string StaffBirmingham = "staff.birmingham@lsp.example";
    public const string StaffCoventry = "staff.coventry@lsp.example";
    public const string Mentor = "mentor@lsp.example";

    /// <summary>The national team (issue 21): no region, reads every region, changes nothing.</summary>
    public const string National = "national@lsp.example";
}
