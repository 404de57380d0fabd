using System.Text;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// A new case study's text drawn from a closed project's results: the author edits it and submits it for
/// moderation as usual. Only for someone who may change the project (its partnership's staff).
/// </summary>
public static class CaseStudyFromProject
{
    public static async Task<Library.WriteModel.InputModel?> PrefillAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user,
        int projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery().Include(p => p.Themes).Include(p => p.Measures).Include(p => p.Results)
            .SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project?.Results is not { } results || !(await authorization.AuthorizeAsync(user, project, Operations.Change)).Succeeded)
        {
            return null;
        }
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == project.LeadId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
        var measures = project.Measures.OrderBy(m => m.Position)
            .Select(m => $"- {m.Name}: from {MeasureSeries.Value(m.BaselineValue, m.Unit)} to {MeasureSeries.Value(m.FinalValue ?? m.BaselineValue, m.Unit)} " +
                         $"(target {MeasureSeries.Value(m.TargetValue, m.Unit)})").ToList();
        var body = new StringBuilder()
            .AppendLine("## The problem").AppendLine().AppendLine(project.Problem).AppendLine()
            .AppendLine("## What changed").AppendLine().AppendLine(results.WhatChanged).AppendLine()
            .AppendLine("## What the programme's support contributed").AppendLine().AppendLine(results.SupportContribution).AppendLine();
        if (results.DoDifferently is { } differently)
        {
            body.AppendLine("## What we would do differently").AppendLine().AppendLine(differently).AppendLine();
        }
        var summary = results.WhatChanged.Length <= 1000 ? results.WhatChanged : results.WhatChanged[..997].TrimEnd() + "…";
        return new Library.WriteModel.InputModel
        {
            Title = project.Title,
            Summary = summary,
            Body = body.ToString().TrimEnd(),
            Kind = PracticeKind.Project,
            PartnershipId = project.PartnershipId,
            ThemeIds = project.Themes.Select(t => t.ThemeId).ToList(),
            Outcomes = string.Join("\n", measures),
            ContactName = lead.DisplayName,
            ContactEmail = lead.Email,
            ProjectId = project.Id, // the case study links the project it came from
        };
    }
}
