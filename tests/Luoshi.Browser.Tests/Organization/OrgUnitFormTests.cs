using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Organization;

[Collection(BrowserCollection.Name)]
public sealed class OrgUnitFormTests(DemoSite site)
{
    [Fact]
    public async Task OrgUnitEdit_ShowsTheRefusalBesideTheFieldThenSaves()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/org-units?kind=County&q=" + Uri.EscapeDataString("好川"));
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "好川区" }).ClickAsync();
        await Expect(s.Page.Locator("#Input_Name")).ToHaveValueAsync("好川区");

        await s.Page.Locator("#Input_Name").FillAsync("   ");
        await s.Page.Locator("#Input_Parent").SelectOptionAsync(string.Empty);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(s.Page.Locator("#Input_Name")).ToHaveClassAsync(new Regex("input-validation-error"));
        await Expect(s.Page.Locator("[data-valmsg-for='Input.Name']")).ToHaveTextAsync("不能为空");
        await s.ShotAsync("refused");

        await s.Page.Locator("#Input_Name").FillAsync("好川新区");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(s.Page.Locator("[data-valmsg-for='Input.Parent']")).ToHaveTextAsync("县(市、区)的上级必须是市");
        await s.ShotAsync("refused-parent");

        await s.Page.Locator("#Input_Parent").SelectOptionAsync("331100");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex("/org-units$"));
        await Expect(s.Page.Locator(".notice")).ToHaveTextAsync("已保存:好川新区");
        await Expect(s.Page.Locator("tr[data-unit='331103']")).ToContainTextAsync("好川新区");
    }

    [Fact]
    public async Task OrgUnitEdit_AfterSomeoneElseSaved_SaysSoInsteadOfOverwriting()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/org-units/331105");
        await Expect(s.Page.Locator("#Input_Name")).ToHaveValueAsync("松阴县");

        var other = await site.Http.PutAsJsonAsync("/api/org-units/331105", new { name = "松阴区", kind = "county", parent = "331100", version = 1 });
        other.EnsureSuccessStatusCode();

        await s.Page.Locator("#Input_Name").FillAsync("松阳县");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(s.Page.Locator(".alert")).ToHaveTextAsync(new Regex(@"^\s*单位已被他人修改\(当前版本 2\)\s*重新载入"));
        await Expect(s.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^重新载入") })).ToBeVisibleAsync();
        var saved = await site.Http.GetFromJsonAsync<UnitDto>("/api/org-units/331105");
        saved!.Name.ShouldBe("松阴区");
    }

    [Fact]
    public async Task OrgUnitCreate_DuplicateCode_IsRefusedAtTheCodeField()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/org-units/new");
        await s.Page.Locator("#Input_Code").FillAsync("330100");
        await s.Page.Locator("#Input_Name").FillAsync("重复的市");
        await s.Page.Locator("#Input_Kind").SelectOptionAsync("City");
        await s.Page.Locator("#Input_Parent").SelectOptionAsync("330000");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();

        await Expect(s.Page.Locator("[data-valmsg-for='Input.Code']")).ToContainTextAsync("已存在");
        await Expect(s.Page.Locator("#Input_Name")).ToHaveValueAsync("重复的市");
    }

    private sealed record UnitDto(string Code, string Name, int Version);
}
