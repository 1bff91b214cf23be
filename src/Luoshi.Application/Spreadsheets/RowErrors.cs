using Luoshi.Application.Common;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Spreadsheets;

/// <summary>Collects every problem of a file before anything is written, each with its line and column.</summary>
internal sealed class RowErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public bool Full => _errors.Count >= CsvTable.MaxErrors;

    public void Add(int line, string column, Text message)
    {
        if (!Full)
        {
            _errors.Add(new FieldError(column, message, line, column));
        }
    }

    /// <summary>Runs a parse or a domain rule; a broken rule becomes an error at this line and column.</summary>
    public T? Try<T>(int line, string column, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (DomainException e)
        {
            Add(line, column, e.Detail);
            return default;
        }
    }

    /// <summary>Runs a rule that checks several columns; a broken rule becomes an error at the column it names.</summary>
    public T? Try<T>(int line, Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (DomainException e)
        {
            Add(line, e.Field, e.Detail);
            return default;
        }
    }

    /// <summary>Runs a rule that checks several columns and returns nothing; a broken rule becomes an error at the column it names.</summary>
    public bool Try(int line, Action rule)
    {
        try
        {
            rule();
            return true;
        }
        catch (DomainException e)
        {
            Add(line, e.Field, e.Detail);
            return false;
        }
    }

    public bool Try(int line, string column, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (DomainException e)
        {
            Add(line, column, e.Detail);
            return false;
        }
    }

    /// <summary>True the first time a file names <paramref name="code"/>; a second time is an error at this line, in the "code" column.</summary>
    public bool FirstTime(int line, ISet<string> seen, string code)
    {
        if (seen.Add(code))
        {
            return true;
        }

        Add(line, "code", new Text($"代码 {Parsing.Clip(code)} 在文件中重复", $"code '{Parsing.Clip(code)}' appears twice in the file"));
        return false;
    }

    /// <summary>Looks a code up among the known ones; an unknown code becomes an error at this line and column.</summary>
    public bool Known(int line, string column, Dictionary<string, int> ids, string code, out int id, Text what)
    {
        if (ids.TryGetValue(code, out id))
        {
            return true;
        }

        Add(line, column, new Text($"{what.Zh} {Parsing.Clip(code)} 不存在", $"{what.En} '{Parsing.Clip(code)}' does not exist"));
        return false;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputRefusedException([.. _errors], new Text("文件有误,未导入任何数据", "the file has errors; nothing was imported"));
        }
    }
}

/// <summary>What an import did.</summary>
public sealed record ImportSummary(string Kind, int Rows, int Created, int Updated, int Unchanged);

/// <summary>Progress of a long import, for the CLI's progress bar.</summary>
public readonly record struct ImportProgress(int Done, int Total);

/// <summary>Rows naming units outside the actor's scope: the whole file is refused with 403, naming them.</summary>
internal sealed class OutOfScope
{
    private readonly List<(int Line, string Org)> _rows = [];

    public void Add(int line, string org) => _rows.Add((line, org));

    public void ThrowIfAny()
    {
        if (_rows.Count > 0)
        {
            var list = string.Join("; ", _rows.Take(10).Select(r => new Text($"第{r.Line}行 {r.Org}", $"row {r.Line} {r.Org}")));
            throw new ForbiddenException(new Text($"文件中有{_rows.Count}行超出你的权限范围,未导入任何数据", $"{_rows.Count} rows are outside your scope; nothing was imported: {list}"));
        }
    }
}
