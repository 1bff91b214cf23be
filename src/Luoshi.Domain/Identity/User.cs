using System.Text.RegularExpressions;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Identity;

/// <summary>
/// A person who signs in. Holds grants (a role bound to an org subtree), a password hash and the
/// lockout state: after <see cref="MaxFailedSignIns"/> failures in a row sign-in is refused for
/// <see cref="LockoutDuration"/>, whatever the password.
/// </summary>
public sealed partial class User
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    private readonly List<UserGrant> _grants = [];

    private User()
    {
        Name = string.Empty;
        DisplayName = string.Empty;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string DisplayName { get; private set; }
    public string? PasswordHash { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public bool IsDisabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastSignInAt { get; private set; }
    public IReadOnlyList<UserGrant> Grants => _grants;
    public int Version { get; private set; }

    /// <summary>Where email notifications go; none means the person reads the in-app inbox only.</summary>
    public string? Email { get; private set; }

    /// <summary>Email sent one message per event rather than gathered into one per digest window (the default); urgent ones go at once either way.</summary>
    public bool EmailAtOnce { get; private set; }

    /// <summary>Notification kinds (comma-separated) the person does not want by email; the inbox still holds them.</summary>
    public string? MutedKinds { get; private set; }

    public const int EmailMaxLength = 254;
    public const int MutedKindsMaxLength = 400;

    [GeneratedRegex("^[a-z][a-z0-9._-]{1,63}$")]
    private static partial Regex NamePattern();

    public static User Create(string name, string? displayName, DateTimeOffset now)
    {
        var n = name?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!NamePattern().IsMatch(n))
        {
            throw new DomainException("name", new Text("用户名须以字母开头,由2–64位小写字母、数字、点、下划线或连字符组成", "a user name starts with a letter and has 2–64 lower-case letters, digits, '.', '_' or '-'"));
        }

        return new User
        {
            Name = n,
            DisplayName = Code.OptionalText(displayName, "displayName", 100) ?? n,
            CreatedAt = now,
            Version = 1,
        };
    }

    /// <summary>Checks a new password's strength; the caller hashes it and calls <see cref="SetPasswordHash"/>.</summary>
    public static void CheckPasswordStrength(string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            throw new DomainException("password", new Text($"密码至少{MinPasswordLength}位", $"a password needs at least {MinPasswordLength} characters"));
        }

        if (password.Length > 256)
        {
            throw new DomainException("password", new Text("密码过长", "the password is too long"));
        }

        int classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < 2 || password.Distinct().Count() < 5)
        {
            throw new DomainException("password", new Text("密码过于简单:须混合字母、数字或符号", "the password is too simple: mix letters, digits or symbols"));
        }
    }

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        FailedSignIns = 0;
        LockedUntil = null;
        Version++;
    }

    public void Grant(Role role, int? scopeUnitId)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("role", new Text("角色无效", "unknown role"));
        }

        if (_grants.Any(g => g.Role == role && g.ScopeUnitId == scopeUnitId))
        {
            return;
        }

        _grants.Add(new UserGrant(role, scopeUnitId));
        Version++;
    }

    public void Revoke(Role role, int? scopeUnitId)
    {
        if (_grants.RemoveAll(g => g.Role == role && g.ScopeUnitId == scopeUnitId) > 0)
        {
            Version++;
        }
    }

    /// <summary>Sets or clears the email address; only its shape is checked here (one '@', no spaces), the mail server judges the rest.</summary>
    public void SetEmail(string? email)
    {
        var e = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (e is not null && (e.Length > EmailMaxLength || e.Count(c => c == '@') != 1 || e.StartsWith('@') || e.EndsWith('@') || e.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"')))
        {
            throw new DomainException("email", new Text("邮箱地址格式不正确", $"not an email address: '{(e.Length > 60 ? e[..60] + "…" : e)}'"));
        }

        if (e != Email)
        {
            Email = e;
            Version++;
        }
    }

    /// <summary>How the person wants notifications by email: gathered in a digest or one by one, and which kinds not at all.</summary>
    public void SetNotificationPreferences(bool digest, IEnumerable<string> mutedKinds)
    {
        var kinds = mutedKinds.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (kinds.Any(k => k.Length > 40 || !k.All(char.IsAsciiLetterOrDigit)))
        {
            throw new DomainException("mutedKinds", new Text("通知类别只能由字母和数字组成", "a notification kind is a word of letters and digits"));
        }

        var muted = kinds.Count == 0 ? null : string.Join(',', kinds);
        if (muted is { Length: > MutedKindsMaxLength })
        {
            throw new DomainException("mutedKinds", new Text("屏蔽的类别过多", "too many muted kinds"));
        }

        EmailAtOnce = !digest;
        MutedKinds = muted;
        Version++;
    }

    /// <summary>Whether email about a kind of notification is wanted.</summary>
    public bool WantsEmail(string kind) => MutedKinds is null || !MutedKinds.Split(',').Contains(kind, StringComparer.Ordinal);

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>A wrong password: counts towards the lockout.</summary>
    public void RecordFailedSignIn(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntil = now + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    /// <summary>A sign-in vouched for by an identity provider: the password was not used, so its failure count and lockout stay as they are.</summary>
    public void RecordExternalSignIn(DateTimeOffset now) => LastSignInAt = now;

    public void RecordSignIn(DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }

    public void Disable()
    {
        IsDisabled = true;
        Version++;
    }
}

/// <summary>A role held over an org subtree; no scope means the whole tree.</summary>
public sealed class UserGrant(Role role, int? scopeUnitId)
{
    public int Id { get; private set; }
    public int UserId { get; private set; }
    public Role Role { get; private set; } = role;
    public int? ScopeUnitId { get; private set; } = scopeUnitId;
}
