using System.Linq.Expressions;
using System.Reflection;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// Every list the project page shows beside the project's own row — its themes, needs, neighbourhoods, milestones,
/// measures, updates (with their readings and the milestones they marked done), evidence documents and the support
/// linked to it (places, placements, peer reviews, case studies) — read in ONE command: a UNION ALL of one SELECT per
/// list, the names it shows joined in. An EF query costs ~0.1 ms of CPU whatever its SQL, so twelve lists in one
/// round trip rather than twelve (issue 22). Each row is a <see cref="Part"/>; its <see cref="Part.Kind"/> says which
/// columns it fills (the table on <see cref="Part"/>); the page sorts and groups them (<see cref="DetailsModel"/>).
/// </summary>
public static class ProjectParts
{
    public enum PartKind
    {
        Theme, Need, Neighbourhood, Milestone, Measure, Update, Reading, Document, Place, Placement, Review, CaseStudy,
    }

    /// <summary>
    /// One row of any list. Theme: Id (theme), Order (its position), Text (name). Need: Id (theme), Ref (survey), Text
    /// (theme's name), Code (level). Neighbourhood: Id, Text (name), Flag (deprived). Milestone: Id, Text (title), On (due),
    /// Until (done). Measure: Id, Order (position), Text (name), Text2 (unit), On/Value (baseline), Until/Value2 (target),
    /// Value3 (final). Update: Id, Text (narrative), Text2 (author's name), At (posted), Code (RAG),
    /// MilestonesDone. Reading: Id, Ref (update), Order (measure), On, Value. Document: Id, Text (file
    /// name), Size. Place: Id (activity), Ref (booking), Text (activity), Text2 (person), At/AtEnd (when), Code
    /// (status), Code2 (attendance), Flag (activity cancelled). Placement: Id, Text2 (mentee), Text3 (mentor), On/Until, Code (kind),
    /// Code2 (status). Review: Id, Text (host partnership), On/Until (on site), Code (stage). CaseStudy: Id, Text (title),
    /// Text2 (slug), At (published), Code (status).
    /// </summary>
    public sealed class Part
    {
        public PartKind Kind { get; init; }
        public int Id { get; init; }
        public int Ref { get; init; }
        public int Order { get; init; }
        public string? Text { get; init; }
        public string? Text2 { get; init; }
        public string? Text3 { get; init; }
        public DateOnly? On { get; init; }
        public DateOnly? Until { get; init; }
        public DateTime? At { get; init; }
        public DateTime? AtEnd { get; init; }
        public decimal? Value { get; init; }
        public decimal? Value2 { get; init; }
        public decimal? Value3 { get; init; }
        public long? Size { get; init; }
        public bool Flag { get; init; }
        public List<int>? MilestonesDone { get; init; }

        /// <summary>
        /// A status or kind by its name (every enum is stored by name): as text because a UNION ALL's column takes the
        /// type mapping of its first SELECT, where it is NULL, so an enum column would lose its conversion.
        /// </summary>
        public string? Code { get; init; }
        public string? Code2 { get; init; }

        public T As<T>() where T : struct, Enum => Enum.Parse<T>(Code!);

        public T As2<T>() where T : struct, Enum => Enum.Parse<T>(Code2!);
    }

    /// <summary>The parts of project <paramref name="projectId"/>, unsorted (a UNION ALL keeps no order): the page sorts each list.</summary>
    public static async Task<List<Part>> LoadAsync(AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var parts = new List<Part>();
        await foreach (var part in PartsOf.For(db)(db, projectId).WithCancellation(cancellationToken))
        {
            parts.Add(part);
        }
        return parts;
    }

    /// <summary>
    /// The query, compiled once (per engine): built and matched to EF's cache on every call, an expression this size cost
    /// more CPU than its SQL. Each <see cref="Rows"/> in it is expanded to its SELECT (<see cref="ExpandRows"/>) before EF sees it.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, IAsyncEnumerable<Part>>> PartsOf = new(() => EF.CompileAsyncQuery(ExpandRows<Func<AppDbContext, int, IQueryable<Part>>>(
        (AppDbContext db, int projectId) =>
            Rows(db.Set<ProjectTheme>().Where(t => t.ProjectId == projectId).Join(db.Themes, t => t.ThemeId, t => t.Id, (_, t) => t),
                t => new Part { Kind = PartKind.Theme, Id = t.Id, Order = t.Position, Text = t.Name })
            .Concat(Rows(db.Set<ProjectNeed>().Where(n => n.ProjectId == projectId).Join(db.Themes, n => n.ThemeId, t => t.Id, (n, t) => new { n, t.Name }),
                x => new Part { Kind = PartKind.Need, Id = x.n.ThemeId, Ref = x.n.SurveyId, Text = x.Name, Code = x.n.Level.ToString() }))
            .Concat(Rows(db.Set<ProjectNeighbourhood>().Where(n => n.ProjectId == projectId),
                n => new Part { Kind = PartKind.Neighbourhood, Id = n.Id, Text = n.Name, Flag = n.IsDeprived }))
            .Concat(Rows(db.ProjectMilestones.Where(m => m.ProjectId == projectId),
                m => new Part { Kind = PartKind.Milestone, Id = m.Id, Text = m.Title, On = m.DueOn, Until = m.DoneOn }))
            .Concat(Rows(db.ProjectMeasures.Where(m => m.ProjectId == projectId),
                m => new Part
                {
                    Kind = PartKind.Measure, Id = m.Id, Order = m.Position, Text = m.Name, Text2 = m.Unit,
                    On = m.BaselineOn, Value = m.BaselineValue, Until = m.TargetOn, Value2 = m.TargetValue, Value3 = m.FinalValue,
                }))
            .Concat(Rows(db.ProjectUpdates.Where(u => u.ProjectId == projectId),
                u => new Part
                {
                    Kind = PartKind.Update, Id = u.Id, Text = u.Narrative, At = u.PostedAt, Code = u.Rag.ToString(), MilestonesDone = u.MilestonesDone,
                    Text2 = db.Users.Where(p => p.Id == u.AuthorId).Select(p => p.DisplayName).FirstOrDefault(),
                }))
            .Concat(Rows(db.ProjectUpdates.Where(u => u.ProjectId == projectId).SelectMany(u => u.Readings),
                r => new Part { Kind = PartKind.Reading, Id = r.Id, Ref = r.UpdateId, Order = r.MeasureId, On = r.On, Value = r.Value }))
            .Concat(Rows(db.ProjectDocuments.Where(d => d.ProjectId == projectId),
                d => new Part { Kind = PartKind.Document, Id = d.Id, Text = d.FileName, Size = d.Size }))
            .Concat(Rows(db.Bookings.Where(b => b.ProjectId == projectId && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined),
                b => new Part
                {
                    Kind = PartKind.Place, Id = b.ActivityId, Ref = b.Id, Text = b.Activity!.Title, At = b.Activity.StartsAt, AtEnd = b.Activity.EndsAt,
                    Text2 = db.Users.Where(u => u.Id == b.PersonId).Select(u => u.DisplayName).FirstOrDefault(),
                    Code = b.Status.ToString(), Code2 = b.Attendance == null ? null : b.Attendance.Value.ToString(), Flag = b.Activity.Status == ActivityStatus.Cancelled,
                }))
            .Concat(Rows(db.Placements.Where(p => p.ProjectId == projectId),
                p => new Part
                {
                    Kind = PartKind.Placement, Id = p.Id, On = p.StartsOn, Until = p.EndsOn, Code = p.Kind.ToString(), Code2 = p.Status.ToString(),
                    Text2 = db.Users.Where(u => u.Id == p.MenteeId).Select(u => u.DisplayName).FirstOrDefault(),
                    Text3 = db.Users.Where(u => u.Id == p.MentorId).Select(u => u.DisplayName).FirstOrDefault(),
                }))
            .Concat(Rows(db.PeerReviews.Where(r => r.ProjectId == projectId),
                r => new Part
                {
                    Kind = PartKind.Review, Id = r.Id, On = r.OnSiteStartsOn, Until = r.OnSiteEndsOn, Code = r.Stage.ToString(),
                    Text = db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).FirstOrDefault(),
                }))
            .Concat(Rows(db.CaseStudies.Where(c => c.ProjectId == projectId && c.Status != CaseStudyStatus.Withdrawn),
                c => new Part { Kind = PartKind.CaseStudy, Id = c.Id, Text = c.Title, Text2 = c.Slug, At = c.PublishedAt, Code = c.Status.ToString() }))
            .AsNoTracking())));

    private static readonly PropertyInfo[] Columns = typeof(Part).GetProperties();

    /// <summary>
    /// A marker for <see cref="ExpandRows"/>, never run: <paramref name="source"/> as parts, the columns <paramref name="row"/>
    /// does not set to be set to null (0, false), in one order, since every SELECT of a UNION ALL must give every column.
    /// </summary>
    private static IQueryable<Part> Rows<T>(IQueryable<T> source, Expression<Func<T, Part>> row) =>
        throw new InvalidOperationException("Rows is expanded by ExpandRows before the query runs.");

    /// <summary><paramref name="query"/> with each call of <see cref="Rows"/> replaced by its SELECT of every column.</summary>
    private static Expression<TQuery> ExpandRows<TQuery>(Expression<TQuery> query) => (Expression<TQuery>)new RowsExpander().Visit(query);

    private sealed class RowsExpander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(ProjectParts) || node.Method.Name != nameof(Rows))
            {
                return base.VisitMethodCall(node);
            }
            var source = Visit(node.Arguments[0]);
            var row = (LambdaExpression)((UnaryExpression)node.Arguments[1]).Operand;
            var init = (MemberInitExpression)Visit(row.Body);
            var given = init.Bindings.OfType<MemberAssignment>().ToDictionary(b => b.Member.Name, b => b.Expression);
            var bindings = Columns.Select(c => Expression.Bind(c, given.GetValueOrDefault(c.Name)
                ?? Expression.Constant(c.PropertyType.IsValueType && Nullable.GetUnderlyingType(c.PropertyType) is null
                    ? Activator.CreateInstance(c.PropertyType) : null, c.PropertyType)));
            var element = row.Parameters[0].Type;
            var filled = Expression.Lambda(Expression.MemberInit(init.NewExpression, bindings), row.Parameters);
            return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [element, typeof(Part)], source, Expression.Quote(filled));
        }
    }
}
