using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// People named with their office: official reports write the office before the name (省委书记易炼红,
/// 省委副书记、省长刘捷), except 总书记 and 同志, which follow it (习近平总书记). A name is two or three
/// characters starting with a surname and ending where a verb or a separator begins (在, 主持, 强调, 、, 等…).
/// </summary>
public static partial class PeopleExtractor
{
    private static readonly string[] Followers =
    [
        "在", "主持", "出席", "强调", "指出", "说", "表示", "讲话", "要求", "作", "同志", "等", "和", "与", "及", "参加", "会见", "调研",
        "考察", "带队", "宣布", "介绍", "通报", "部署", "代表", "就", "对", "向", "为", "率", "一行", "讲", "发表", "提出", "听取", "到",
        "赴", "当选", "签署", "分别", "先后", "寄语", "致辞", "批示", "指示", "参观", "看望", "慰问", "深入", "来到", "一起", "同", "也",
        "还", "希望", "充分", "肯定", "的", "是", "则", "作出", "主讲", "点评", "总结", "传达", "回顾", "围绕", "结合",
    ];

    public static IReadOnlyList<Person> Extract(string text, IReadOnlyList<Sentence> sentences)
    {
        var found = new Dictionary<string, (string? Role, int At, TextSpan Sentence)>(StringComparer.Ordinal);
        var order = new List<string>();

        void Add(string name, string? role, int at, TextSpan sentence)
        {
            if (found.TryGetValue(name, out var known))
            {
                if (known.Role is null && role is not null)
                {
                    found[name] = (role, known.At, known.Sentence);
                }

                return;
            }

            found[name] = (role, at, sentence);
            order.Add(name);
        }

        var pendingComrades = new List<(string Name, int At, TextSpan Sentence)>();
        foreach (var sentence in sentences)
        {
            var s = sentence.Text;
            foreach (Match m in RoleChain().Matches(s))
            {
                var name = NameAfter(s, m.Index + m.Length);
                if (name is not null)
                {
                    Add(name, m.Value, sentence.Span.Start + m.Index, sentence.Span);
                }
            }

            foreach (Match m in NameBefore().Matches(s))
            {
                var name = NameBefore(s, m.Index);
                if (name is null)
                {
                    continue;
                }

                if (m.Value == "总书记")
                {
                    Add(name, "总书记", sentence.Span.Start + m.Index - name.Length, sentence.Span);
                }
                else
                {
                    pendingComrades.Add((name, sentence.Span.Start + m.Index - name.Length, sentence.Span));
                }
            }
        }

        // "X同志" alone is too weak (各位同志, 老同志); a name is taken when the text names the person again.
        foreach (var (name, at, sentence) in pendingComrades)
        {
            if (found.ContainsKey(name) || CountOf(text, name) >= 2)
            {
                Add(name, null, at, sentence);
            }
        }

        return [.. order.Select(n => (Name: n, Found: found[n])).OrderBy(p => p.Found.At).Select(p => new Person(p.Name, p.Found.Role, p.Found.Sentence))];
    }

    private static string? NameAfter(string s, int at)
    {
        if (at >= s.Length)
        {
            return null;
        }

        int compound = ChineseText.CompoundSurnameLength(s, at);
        int[] lengths = compound > 0 ? [compound + 1, compound + 2] : ChineseText.IsSurname(s[at]) ? [2, 3] : [];
        foreach (var length in lengths)
        {
            if (IsName(s, at, length) && IsBoundary(s, at + length))
            {
                return s.Substring(at, length);
            }
        }

        return null;
    }

    private static string? NameBefore(string s, int end)
    {
        string? two = end >= 2 && IsName(s, end - 2, 2) && ChineseText.IsSurname(s[end - 2]) ? s.Substring(end - 2, 2) : null;
        string? three = end >= 3 && IsName(s, end - 3, 3) && (ChineseText.IsSurname(s[end - 3]) || ChineseText.CompoundSurnameLength(s, end - 3) == 2) ? s.Substring(end - 3, 3) : null;
        return two ?? three;
    }

    private static bool IsName(string s, int at, int length)
    {
        if (at < 0 || at + length > s.Length)
        {
            return false;
        }

        for (int i = at; i < at + length; i++)
        {
            if (!ChineseText.IsCjk(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBoundary(string s, int at)
    {
        if (at >= s.Length || !ChineseText.IsCjk(s[at]))
        {
            return true;
        }

        var rest = s.AsSpan(at);
        foreach (var f in Followers)
        {
            if (rest.StartsWith(f, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountOf(string text, string name)
    {
        int count = 0;
        for (int i = text.IndexOf(name, StringComparison.Ordinal); i >= 0 && count < 2; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private const string Roles =
        "中共中央总书记|国务院总理|国务院副总理|国家主席|国家副主席|副总理|"
        + "省人大常委会副主任|省人大常委会主任|省政协副主席|省政协主席|省委副书记|省委常委|省委书记|省委秘书长|省政府秘书长|省纪委书记|省监委主任|常务副省长|副省长|代省长|省长|"
        + "市人大常委会主任|市政协主席|市委副书记|市委常委|市委书记|常务副市长|副市长|代市长|市长|"
        + "区委书记|副区长|区长|县委书记|副县长|县长|州委书记|州长|"
        + "党组副书记|党组书记|秘书长|副主任|主任|副部长|部长|副厅长|厅长|副局长|局长|院长|董事长|总经理|校长|副主席|主席|副书记|书记";

    [GeneratedRegex("(?:" + Roles + ")(?:、(?:" + Roles + "))*")]
    private static partial Regex RoleChain();

    [GeneratedRegex("总书记|同志")]
    private static partial Regex NameBefore();
}
