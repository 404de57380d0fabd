using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace LspCapacity.Web.Infrastructure;

/// <summary>The fields of a GOV.UK date input.</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// Reads the day, month and year a person typed into a GOV.UK date input, with the design system's
/// error messages: nothing entered is left to the field's [Required]; a part missing
/// ("… must include a month"); a date that cannot be ("… must be a real date"); and which parts are wrong.
/// </summary>
public static class DateInput
{
    public static readonly string[] PartNames = ["Day", "Month", "Year"];

    public sealed record Result(DateOnly? Value, string? Error, DateParts Wrong)
    {
        public bool IsEmpty => Value is null && Error is null;
    }

    /// <param name="name">What the date is, as the person would say it ("start date"); it starts the messages.</param>
    public static Result Read(string? day, string? month, string? year, string name)
    {
        day = day?.Trim() ?? "";
        month = month?.Trim() ?? "";
        year = year?.Trim() ?? "";
        var subject = name.Length == 0 ? "The date" : char.ToUpperInvariant(name[0]) + name[1..];

        // Missing or incomplete information comes first, then what cannot be right.
        var missing = (day.Length == 0 ? DateParts.Day : 0) | (month.Length == 0 ? DateParts.Month : 0) | (year.Length == 0 ? DateParts.Year : 0);
        if (missing == DateParts.All)
        {
            return new Result(null, null, DateParts.None);
        }
        if (missing != DateParts.None)
        {
            var parts = new[] { DateParts.Day, DateParts.Month, DateParts.Year }.Where(p => missing.HasFlag(p)).Select(p => p.ToString().ToLowerInvariant());
            return new Result(null, $"{subject} must include a {string.Join(" and ", parts)}", missing);
        }

        var d = Number(day, 2);
        var m = Number(month, 2);
        var y = Number(year, 4);
        var wrong = (d is null or < 1 or > 31 ? DateParts.Day : 0) | (m is null or < 1 or > 12 ? DateParts.Month : 0) | (y is null or < 1 ? DateParts.Year : 0);
        if (wrong == DateParts.Year && y is null && year.All(char.IsAsciiDigit))
        {
            return new Result(null, $"{subject} must include a year with 4 numbers", DateParts.Year);
        }
        if (wrong == DateParts.None && d > DateTime.DaysInMonth(y!.Value, m!.Value))
        {
            // 31 2 2027: the day is the part that cannot be.
            wrong = DateParts.Day;
        }
        return wrong == DateParts.None
            ? new Result(new DateOnly(y!.Value, m!.Value, d!.Value), null, DateParts.None)
            : new Result(null, $"{subject} must be a real date", wrong);
    }

    /// <summary>Whole numbers of up to <paramref name="digits"/> digits (a year needs exactly four).</summary>
    private static int? Number(string text, int digits) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (digits == 4 ? text.Length == 4 : text.Length <= digits)
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : null;
}

/// <summary>
/// Binds a <see cref="DateOnly"/> from the three fields of a GOV.UK date input (<c>X.Day</c>, <c>X.Month</c>,
/// <c>X.Year</c>). The typed parts are kept in ModelState so the page shows them again, even when wrong.
/// A date sent as one value (a query string) is left to the usual binder.
/// </summary>
public sealed class DateInputModelBinder(IModelBinder single) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var values = DateInput.PartNames.Select(p => bindingContext.ValueProvider.GetValue($"{name}.{p}")).ToArray();
        if (values.All(v => v == ValueProviderResult.None))
        {
            await single.BindModelAsync(bindingContext);
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            var key = $"{name}.{DateInput.PartNames[i]}";
            bindingContext.ModelState.SetModelValue(key, values[i]);
            // The parts are not properties of the model, so validation never visits them: settle them here.
            bindingContext.ModelState.MarkFieldSkipped(key);
        }
        var label = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? name;
        var result = DateInput.Read(values[0].FirstValue, values[1].FirstValue, values[2].FirstValue, label);
        if (result.Error is not null)
        {
            bindingContext.ModelState.TryAddModelError(name, result.Error);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else if (result.Value is { } date)
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        // All three empty: no value, so the field's [Required] (if any) says "Enter …".
    }
}

public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        if (type != typeof(DateOnly))
        {
            return null;
        }
        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new DateInputModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
    }
}
