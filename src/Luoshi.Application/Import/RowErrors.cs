using Luoshi.Application.Common;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Import;

/// <summary>Collects every problem of a file before anything is written, each with its line and column.</summary>
internal sealed class RowErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public bool Full => _errors.Count >= CsvTable.MaxErrors;

    public void Add(int line, string column, string message)
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
            Add(line, column, e.Message);
            return default;
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
            Add(line, column, e.Message);
            return false;
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputRefusedException([.. _errors], "文件有误,未导入任何数据 / the file has errors; nothing was imported");
        }
    }
}

/// <summary>What an import did.</summary>
public sealed record ImportSummary(string Kind, int Rows, int Created, int Updated, int Unchanged);

/// <summary>Progress of a long import, for the CLI's progress bar.</summary>
public readonly record struct ImportProgress(int Done, int Total);
