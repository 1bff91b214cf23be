using System.Xml.Linq;
using Luoshi.Application.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Web.Infrastructure.Security;

/// <summary>
/// Keeps the data-protection key ring in the database (table <c>data_protection_keys</c>), so that a
/// cookie or antiforgery token issued by one server is valid on every other (docs/adr/0013). Data
/// protection calls this rarely (when it refreshes its key ring, about daily, or when it meets a key it
/// does not know), and synchronously, so the calls are synchronous too.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
