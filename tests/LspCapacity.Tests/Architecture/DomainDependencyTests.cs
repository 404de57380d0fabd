using System.Reflection;
using LspCapacity.Web.Data;
using NetArchTest.Rules;

namespace LspCapacity.Tests.Architecture;

/// <summary>
/// The domain (entities and their rules) depends on nothing outward: not on ASP.NET Core, not on EF
/// Core, and not on the app's own infrastructure, data access, pages, email or jobs. It is plain C#
/// that the rest of the app calls. The check reads every Domain type's signatures and IL (method
/// bodies included), so a call hidden in a method is caught as well as a base class or a property.
/// </summary>
public class DomainDependencyTests
{
    private const string Domain = "LspCapacity.Web.Domain";
    private static readonly Assembly Web = typeof(AppDbContext).Assembly;

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("LspCapacity.Web.Infrastructure")]
    [InlineData("LspCapacity.Web.Data")]
    [InlineData("LspCapacity.Web.Pages")]
    [InlineData("LspCapacity.Web.Email")]
    [InlineData("LspCapacity.Web.Jobs")]
    public void Domain_DoesNotDependOn(string forbidden)
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace(Domain).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"Domain types that depend on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>So the rule above cannot pass by looking at nothing: it sees the domain's types, and it can see a dependency.</summary>
    [Fact]
    public void TheRule_SeesTheDomain_AndWouldSeeADependency()
    {
        Assert.Contains(Types.InAssembly(Web).That().ResideInNamespace(Domain).GetTypes(), t => t.Name == "Activity");
        var data = Types.InAssembly(Web).That().ResideInNamespace("LspCapacity.Web.Data").ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();
        Assert.False(data.IsSuccessful);
    }
}
