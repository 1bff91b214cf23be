using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Ui;

/// <summary>
/// <see cref="UiText"/>'s strings, each looked up in the resources once per language and then answered from memory.
/// A page's frame alone asks for some twenty of them, and every resource lookup takes the resource manager's lock,
/// which under load was a twentieth of a page's time. Only strings that exist are kept, so the memory is bounded by
/// the resource files.
/// </summary>
internal sealed class UiTextLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<UiText>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(UiText));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_found.TryGetValue(key, out var known))
            {
                return known;
            }

            var text = _resources[name];
            if (!text.ResourceNotFound)
            {
                _found.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return text.ResourceNotFound
                ? _resources[name, arguments]
                : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), false, text.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}
