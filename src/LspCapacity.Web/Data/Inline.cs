using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace LspCapacity.Web.Data;

/// <summary>
/// A query rule written once, as an expression, for both kinds of query:
/// <list type="bullet">
/// <item>inside a compiled query (<c>EF.CompileAsyncQuery</c>), where EF cannot look into a method call, the rule is used as
/// <c>rule.Apply(arguments)</c> and <see cref="Expand{T}"/> puts its body in the call's place, its parameters replaced by the
/// arguments, before EF compiles the query;</item>
/// <item>in a query composed at run time, <see cref="Bind{T2,TResult}"/> gives the rule with its arguments as EF sees a
/// C# closure's (parameters of the SQL, never constants in it).</item>
/// </list>
/// A query composed from helpers on every request is funcletized and hashed by EF each time, which costs more CPU than
/// SQLite's work on a page like the dashboard; compiled, the same SQL is looked up by reference.
/// </summary>
public static class Inline
{
    /// <summary>A marker for <see cref="Expand{T}"/>, never run.</summary>
    public static TResult Apply<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 arg1, T2 arg2) =>
        throw Unexpanded(rule);

    /// <summary>A marker for <see cref="Expand{T}"/>, never run.</summary>
    public static TResult Apply<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 arg1, T2 arg2, T3 arg3) =>
        throw Unexpanded(rule);

    /// <summary>A marker for <see cref="Expand{T}"/>, never run.</summary>
    public static TResult Apply<T1, T2, T3, T4, TResult>(this Expression<Func<T1, T2, T3, T4, TResult>> rule, T1 arg1, T2 arg2, T3 arg3, T4 arg4) =>
        throw Unexpanded(rule);

    /// <summary>A marker for <see cref="Expand{T}"/>, never run.</summary>
    public static TResult Apply<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(
        this Expression<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>> rule,
        T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10) =>
        throw Unexpanded(rule);

    /// <summary>A marker for <see cref="Expand{T}"/>, never run.</summary>
    public static TResult Apply<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(this Expression<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>> rule,
        T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9) =>
        throw Unexpanded(rule);

    /// <summary><paramref name="query"/> with every <c>rule.Apply(…)</c> in it replaced by the rule's body (rules may apply rules).</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    /// <summary>The rule's result with its arguments bound, for a query composed at run time on <paramref name="db"/>.</summary>
    public static TResult Bind<T2, TResult>(Expression<Func<AppDbContext, T2, TResult>> rule, AppDbContext db, T2 arg2) where TResult : IQueryable =>
        Query<TResult>(db, rule, Captured(db), Captured(arg2));

    /// <summary>The rule's result with its arguments bound, for a query composed at run time on <paramref name="db"/>.</summary>
    public static TResult Bind<T2, T3, TResult>(Expression<Func<AppDbContext, T2, T3, TResult>> rule, AppDbContext db, T2 arg2, T3 arg3)
        where TResult : IQueryable =>
        Query<TResult>(db, rule, Captured(db), Captured(arg2), Captured(arg3));

    private static InvalidOperationException Unexpanded(LambdaExpression rule) =>
        new($"A rule applied outside Inline.Expand: {rule}");

    /// <summary>A value as a C# closure holds it: EF makes a member of a constant object a parameter of the SQL.</summary>
    private static MemberExpression Captured<T>(T value) =>
        Expression.Field(Expression.Constant(new StrongBox<T>(value)), nameof(StrongBox<T>.Value));

    private static TResult Query<TResult>(AppDbContext db, LambdaExpression rule, params Expression[] arguments) where TResult : IQueryable =>
        (TResult)db.GetService<IAsyncQueryProvider>().CreateQuery(Expand(rule.Body, rule.Parameters, arguments));

    private static Expression Expand(Expression body, IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) =>
        new Expander().Visit(new Replacer(parameters, arguments).Visit(body));

    /// <summary>The rules read so far, by the static field or property that holds each.</summary>
    private static readonly ConcurrentDictionary<MemberInfo, LambdaExpression> Rules = new();

    /// <summary>The rule an <c>Apply</c> names: a static field or property, read once; anything else is read where it stands.</summary>
    private static LambdaExpression Rule(Expression holder) => holder is MemberExpression { Expression: null, Member: var member }
        ? Rules.GetOrAdd(member, _ => Read(holder))
        : Read(holder);

    private static LambdaExpression Read(Expression holder) =>
        (LambdaExpression)Expression.Lambda<Func<object>>(holder).Compile(preferInterpretation: true)();

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Inline) || node.Method.Name != nameof(Apply))
            {
                return base.VisitMethodCall(node);
            }
            var rule = Rule(node.Arguments[0]);
            return Expand(rule.Body, rule.Parameters, node.Arguments.Skip(1).Select(Visit).ToList()!);
        }
    }

    private sealed class Replacer(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return arguments[i];
                }
            }
            return node;
        }
    }
}
