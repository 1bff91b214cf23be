using System.Globalization;
using System.Text;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Indicators;

/// <summary>
/// A derived indicator's formula, e.g. <c>PRIVATE_INV / FAI * 100</c>: numbers, indicator codes,
/// + − × ÷ (ASCII or the Chinese signs), parentheses and the functions min, max and abs. Parsed once into
/// a postfix program whose inputs are numbered slots, so evaluating it over millions of cells allocates
/// nothing. Evaluation never throws: a missing input or a division by zero yields no value and says why.
/// </summary>
public sealed class Formula
{
    public const int MaxLength = 500;
    private const int MaxDepth = 64;

    private readonly Instruction[] _program;

    private Formula(string text, Instruction[] program, string[] inputs)
    {
        Text = text;
        _program = program;
        Inputs = inputs;
    }

    /// <summary>The formula as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>The indicator codes the formula reads, in order of first use; slot i of the input span is Inputs[i].</summary>
    public IReadOnlyList<string> Inputs { get; }

    public static Formula Parse(string? text, string field = "formula")
    {
        var source = text?.Trim() ?? string.Empty;
        if (source.Length == 0)
        {
            throw new DomainException(field, new Text("公式不能为空", "the formula is empty"));
        }

        if (source.Length > MaxLength)
        {
            throw new DomainException(field, new Text($"公式不能超过{MaxLength}个字符", $"the formula is longer than {MaxLength} characters"));
        }

        var parser = new Parser(source, field);
        parser.ParseExpression(0);
        parser.ExpectEnd();
        return new Formula(source, [.. parser.Program], [.. parser.Inputs]);
    }

    /// <summary>The failure of an evaluation that divided by zero.</summary>
    public static readonly Text DivisionByZero = new("除数为零,无法计算", "division by zero");

    /// <summary>
    /// Evaluates the formula. <paramref name="inputs"/> holds one value per <see cref="Inputs"/> slot;
    /// NaN means "no value". On failure returns false with the reason (Chinese / English).
    /// </summary>
    public bool TryEvaluate(ReadOnlySpan<double> inputs, out double value, out Text? failure)
    {
        if (inputs.Length < Inputs.Count)
        {
            throw new ArgumentException($"expected {Inputs.Count} inputs, got {inputs.Length}", nameof(inputs));
        }

        Span<double> stack = stackalloc double[MaxDepth];
        int sp = 0;
        foreach (var ins in _program)
        {
            switch (ins.Op)
            {
                case OpCode.Number:
                    stack[sp++] = ins.Number;
                    break;
                case OpCode.Input:
                    double v = inputs[ins.Arg];
                    if (double.IsNaN(v))
                    {
                        value = double.NaN;
                        failure = new Text($"缺少{Inputs[ins.Arg]}的数据", $"no value for {Inputs[ins.Arg]}");
                        return false;
                    }

                    stack[sp++] = v;
                    break;
                case OpCode.Negate:
                    stack[sp - 1] = -stack[sp - 1];
                    break;
                case OpCode.Add:
                    sp--;
                    stack[sp - 1] += stack[sp];
                    break;
                case OpCode.Subtract:
                    sp--;
                    stack[sp - 1] -= stack[sp];
                    break;
                case OpCode.Multiply:
                    sp--;
                    stack[sp - 1] *= stack[sp];
                    break;
                case OpCode.Divide:
                    sp--;
                    if (stack[sp] == 0)
                    {
                        value = double.NaN;
                        failure = DivisionByZero;
                        return false;
                    }

                    stack[sp - 1] /= stack[sp];
                    break;
                case OpCode.Abs:
                    stack[sp - 1] = Math.Abs(stack[sp - 1]);
                    break;
                case OpCode.Min:
                case OpCode.Max:
                    double acc = stack[sp - ins.Arg];
                    for (int i = sp - ins.Arg + 1; i < sp; i++)
                    {
                        acc = ins.Op == OpCode.Min ? Math.Min(acc, stack[i]) : Math.Max(acc, stack[i]);
                    }

                    sp -= ins.Arg;
                    stack[sp++] = acc;
                    break;
            }
        }

        value = stack[0];
        if (!double.IsFinite(value))
        {
            value = double.NaN;
            failure = new Text("计算结果超出范围", "the result is out of range");
            return false;
        }

        failure = null;
        return true;
    }

    /// <summary>Evaluates with inputs looked up by code; a code the lookup does not know counts as missing.</summary>
    public bool TryEvaluate(Func<string, double?> lookup, out double value, out Text? failure)
    {
        var values = new double[Inputs.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = lookup(Inputs[i]) ?? double.NaN;
        }

        return TryEvaluate(values, out value, out failure);
    }

    public override string ToString() => Text;

    private enum OpCode : byte
    {
        Number,
        Input,
        Negate,
        Add,
        Subtract,
        Multiply,
        Divide,
        Abs,
        Min,
        Max,
    }

    private readonly record struct Instruction(OpCode Op, int Arg = 0, double Number = 0);

    private sealed class Parser(string text, string field)
    {
        private int _pos;
        private int _depth;
        private int _stack;

        public List<Instruction> Program { get; } = [];
        public List<string> Inputs { get; } = [];

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Error(new Text($"多余的内容 '{text[_pos]}'", $"unexpected '{text[_pos]}'"));
            }
        }

        // Precedence climbing over + − (level 0) and × ÷ (level 1).
        public void ParseExpression(int level)
        {
            if (++_depth > MaxDepth / 2)
            {
                throw Error(new Text("公式嵌套过深", "the formula nests too deeply"));
            }

            if (level == 0)
            {
                ParseExpression(1);
                while (TryOperator(out var op, '+', '-', '＋', '−'))
                {
                    ParseExpression(1);
                    Emit(new Instruction(op), -1);
                }
            }
            else
            {
                ParseUnary();
                while (TryOperator(out var op, '*', '/', '×', '÷'))
                {
                    ParseUnary();
                    Emit(new Instruction(op), -1);
                }
            }

            _depth--;
        }

        private void ParseUnary()
        {
            SkipSpace();
            if (_pos < text.Length && text[_pos] is '-' or '−')
            {
                _pos++;
                ParseUnary();
                Emit(new Instruction(OpCode.Negate), 0);
                return;
            }

            if (_pos < text.Length && text[_pos] == '+')
            {
                _pos++;
                ParseUnary();
                return;
            }

            ParsePrimary();
        }

        private void ParsePrimary()
        {
            SkipSpace();
            if (_pos >= text.Length)
            {
                throw Error(new Text("公式不完整", "the formula ends too early"));
            }

            char c = text[_pos];
            if (c is '(' or '（')
            {
                _pos++;
                ParseExpression(0);
                SkipSpace();
                if (_pos >= text.Length || text[_pos] is not (')' or '）'))
                {
                    throw Error(new Text("缺少右括号", "missing ')'"));
                }

                _pos++;
                return;
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                int start = _pos;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.'))
                {
                    _pos++;
                }

                var literal = text[start.._pos];
                if (!double.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
                {
                    throw Error(new Text($"无效的数字 '{literal}'", $"invalid number '{literal}'"));
                }

                Emit(new Instruction(OpCode.Number, 0, number), 1);
                return;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = _pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
                {
                    _pos++;
                }

                var name = text[start.._pos];
                SkipSpace();
                if (_pos < text.Length && text[_pos] is '(' or '（')
                {
                    ParseCall(name);
                    return;
                }

                int slot = Inputs.IndexOf(name);
                if (slot < 0)
                {
                    slot = Inputs.Count;
                    Inputs.Add(name);
                }

                Emit(new Instruction(OpCode.Input, slot), 1);
                return;
            }

            throw Error(new Text($"无法识别的字符 '{c}'", $"unexpected character '{c}'"));
        }

        private void ParseCall(string name)
        {
            var op = name.ToLowerInvariant() switch
            {
                "abs" => OpCode.Abs,
                "min" => OpCode.Min,
                "max" => OpCode.Max,
                _ => throw Error(new Text($"未知函数 {name}(可用 min、max、abs)", $"unknown function {name} (min, max, abs are known)")),
            };
            _pos++;
            int args = 0;
            while (true)
            {
                ParseExpression(0);
                args++;
                SkipSpace();
                if (_pos < text.Length && text[_pos] is ',' or '，')
                {
                    _pos++;
                    continue;
                }

                if (_pos < text.Length && text[_pos] is ')' or '）')
                {
                    _pos++;
                    break;
                }

                throw Error(new Text($"函数 {name} 缺少右括号", $"missing ')' after the arguments of {name}"));
            }

            if (op == OpCode.Abs && args != 1)
            {
                throw Error(new Text("abs 只接受一个参数", "abs takes one argument"));
            }

            Emit(new Instruction(op, args), op == OpCode.Abs ? 0 : 1 - args);
        }

        private bool TryOperator(out OpCode op, char plusOrTimes, char minusOrDivide, char alt1, char alt2)
        {
            SkipSpace();
            op = default;
            if (_pos >= text.Length)
            {
                return false;
            }

            char c = text[_pos];
            bool additive = plusOrTimes == '+';
            if (c == plusOrTimes || c == alt1)
            {
                op = additive ? OpCode.Add : OpCode.Multiply;
            }
            else if (c == minusOrDivide || c == alt2)
            {
                op = additive ? OpCode.Subtract : OpCode.Divide;
            }
            else
            {
                return false;
            }

            _pos++;
            return true;
        }

        private void Emit(Instruction instruction, int stackEffect)
        {
            Program.Add(instruction);
            _stack += stackEffect;
            if (_stack > MaxDepth)
            {
                throw Error(new Text("公式过于复杂", "the formula is too complex"));
            }
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private DomainException Error(Text message) =>
            new(field, new Text($"{message.Zh}(位置 {_pos + 1})", $"{message.En} (at {_pos + 1})"));
    }
}
