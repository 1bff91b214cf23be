using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Tests.Organization;

public class OrgUnitTests
{
    private static OrgUnit Province(string code = "330000") => OrgUnit.Create(code, "省", OrgUnitKind.Province, null);

    private static OrgUnit UnitOfKind(OrgUnitKind? kind) => kind switch
    {
        null => null!,
        OrgUnitKind.Province => Province(),
        OrgUnitKind.City => OrgUnit.Create("330100", "市", OrgUnitKind.City, Province()),
        OrgUnitKind.County => OrgUnit.Create("330102", "区", OrgUnitKind.County, OrgUnit.Create("330100", "市", OrgUnitKind.City, Province())),
        OrgUnitKind.Department => OrgUnit.Create("FGW", "发展改革委", OrgUnitKind.Department, Province()),
        _ => OrgUnit.Create("CN", "全国", OrgUnitKind.Reference, null),
    };

    [Fact]
    public void Create_Province_IsRootWithPath()
    {
        var province = OrgUnit.Create(" 330000 ", " 浙江省 ", OrgUnitKind.Province, null);

        province.Code.ShouldBe("330000");
        province.Name.ShouldBe("浙江省");
        province.ParentId.ShouldBeNull();
        province.Parent.ShouldBeNull();
        province.Path.ShouldBe("/330000/");
        province.Version.ShouldBe(1);
    }

    [Fact]
    public void Create_CityAndCounty_BuildPathFromRoot()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);
        var county = OrgUnit.Create("330102", "上城区", OrgUnitKind.County, city);

        city.Path.ShouldBe("/330000/330100/");
        city.Parent.ShouldBeSameAs(province);
        county.Path.ShouldBe("/330000/330100/330102/");
    }

    [Theory]
    [InlineData(OrgUnitKind.Province, null)]
    [InlineData(OrgUnitKind.Reference, null)]
    [InlineData(OrgUnitKind.City, OrgUnitKind.Province)]
    [InlineData(OrgUnitKind.County, OrgUnitKind.City)]
    [InlineData(OrgUnitKind.Department, OrgUnitKind.Province)]
    [InlineData(OrgUnitKind.Department, OrgUnitKind.City)]
    [InlineData(OrgUnitKind.Department, OrgUnitKind.County)]
    public void Create_AllowedParentKind_IsAccepted(OrgUnitKind kind, OrgUnitKind? parentKind)
    {
        var parent = UnitOfKind(parentKind);

        var unit = OrgUnit.Create("X1", "单位", kind, parent);

        unit.Path.ShouldBe((parent?.Path ?? "/") + "X1/");
    }

    [Theory]
    [InlineData(OrgUnitKind.County, OrgUnitKind.Province)]
    [InlineData(OrgUnitKind.County, null)]
    [InlineData(OrgUnitKind.City, null)]
    [InlineData(OrgUnitKind.City, OrgUnitKind.City)]
    [InlineData(OrgUnitKind.Province, OrgUnitKind.Province)]
    [InlineData(OrgUnitKind.Reference, OrgUnitKind.Province)]
    [InlineData(OrgUnitKind.Department, null)]
    [InlineData(OrgUnitKind.Department, OrgUnitKind.Department)]
    [InlineData(OrgUnitKind.City, OrgUnitKind.Reference)]
    [InlineData(OrgUnitKind.Department, OrgUnitKind.Reference)]
    public void Create_DisallowedParentKind_IsRefused(OrgUnitKind kind, OrgUnitKind? parentKind) =>
        Should.Throw<DomainException>(() => OrgUnit.Create("X1", "单位", kind, UnitOfKind(parentKind))).Field.ShouldBe("parent");

    [Fact]
    public void Create_BadCodeNameOrKind_IsRefusedOnTheField()
    {
        Should.Throw<DomainException>(() => OrgUnit.Create("33/01", "市", OrgUnitKind.Province, null)).Field.ShouldBe("code");
        Should.Throw<DomainException>(() => OrgUnit.Create("330000", "\0", OrgUnitKind.Province, null)).Field.ShouldBe("name");
        Should.Throw<DomainException>(() => OrgUnit.Create("330000", new string('省', OrgUnit.NameMaxLength + 1), OrgUnitKind.Province, null)).Field.ShouldBe("name");
        Should.Throw<DomainException>(() => OrgUnit.Create("330000", "省", (OrgUnitKind)0, null)).Field.ShouldBe("kind");
    }

    [Fact]
    public void IsWithin_FollowsThePath()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);
        var otherCity = OrgUnit.Create("330200", "宁波市", OrgUnitKind.City, province);
        var county = OrgUnit.Create("330102", "上城区", OrgUnitKind.County, city);

        county.IsWithin(province).ShouldBeTrue();
        county.IsWithin(city).ShouldBeTrue();
        county.IsWithin(county).ShouldBeTrue();
        county.IsWithin(otherCity).ShouldBeFalse();
        city.IsWithin(county).ShouldBeFalse();
    }

    [Fact]
    public void IsWithin_CodeThatIsAPrefixOfAnother_IsNotAnAncestor()
    {
        var province = Province();
        var short3301 = OrgUnit.Create("3301", "甲市", OrgUnitKind.City, province);
        var long330100 = OrgUnit.Create("330100", "乙市", OrgUnitKind.City, province);
        var county = OrgUnit.Create("330102", "上城区", OrgUnitKind.County, long330100);

        county.IsWithin(short3301).ShouldBeFalse();
    }

    [Fact]
    public void Place_UnderOtherCity_RewritesPathAndBumpsVersion()
    {
        var province = Province();
        var hangzhou = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);
        var ningbo = OrgUnit.Create("330200", "宁波市", OrgUnitKind.City, province);
        var county = OrgUnit.Create("330182", "建德市", OrgUnitKind.County, hangzhou);

        county.Place(OrgUnitKind.County, ningbo);

        county.Parent.ShouldBeSameAs(ningbo);
        county.Path.ShouldBe("/330000/330200/330182/");
        county.Version.ShouldBe(2);
        county.IsWithin(hangzhou).ShouldBeFalse();
    }

    [Fact]
    public void Place_SameKindAndParent_ChangesNothing()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);

        city.Place(OrgUnitKind.City, province);

        city.Version.ShouldBe(1);
        city.Path.ShouldBe("/330000/330100/");
    }

    [Fact]
    public void Place_KindAndParentTogether_AllowsWhatNeitherAloneWould()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);
        var unit = OrgUnit.Create("X1", "开发区", OrgUnitKind.Department, province);

        unit.Place(OrgUnitKind.County, city);

        unit.Kind.ShouldBe(OrgUnitKind.County);
        unit.Parent.ShouldBeSameAs(city);
        unit.Path.ShouldBe("/330000/330100/X1/");
        unit.Version.ShouldBe(2);
    }

    [Fact]
    public void Place_UnderOwnDescendant_IsRefused()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);
        var county = OrgUnit.Create("330102", "上城区", OrgUnitKind.County, city);

        var ex = Should.Throw<DomainException>(() => city.Place(OrgUnitKind.City, county));

        ex.Field.ShouldBe("parent");
        ex.Message.ShouldContain("自己的下级");
        city.Path.ShouldBe("/330000/330100/");
        city.Version.ShouldBe(1);
    }

    [Fact]
    public void Place_UnderItself_IsRefused()
    {
        var city = UnitOfKind(OrgUnitKind.City);

        Should.Throw<DomainException>(() => city.Place(OrgUnitKind.County, city)).Message.ShouldContain("自己的下级");
    }

    [Fact]
    public void Place_ParentOfWrongKind_IsRefusedAndLeavesUnitInPlace()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);
        var county = OrgUnit.Create("330102", "上城区", OrgUnitKind.County, city);

        Should.Throw<DomainException>(() => county.Place(OrgUnitKind.County, province)).Field.ShouldBe("parent");

        county.Parent.ShouldBeSameAs(city);
        county.Path.ShouldBe("/330000/330100/330102/");
        county.Version.ShouldBe(1);
    }

    [Fact]
    public void Place_KindNotAllowedUnderParent_IsRefusedAndKeepsOldKind()
    {
        var province = Province();
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, province);

        Should.Throw<DomainException>(() => city.Place(OrgUnitKind.County, province)).Field.ShouldBe("parent");

        city.Kind.ShouldBe(OrgUnitKind.City);
        city.Version.ShouldBe(1);
    }

    [Fact]
    public void Place_UndefinedKind_IsRefused()
    {
        var city = UnitOfKind(OrgUnitKind.City);

        Should.Throw<DomainException>(() => city.Place((OrgUnitKind)0, city.Parent)).Field.ShouldBe("kind");

        city.Kind.ShouldBe(OrgUnitKind.City);
    }

    [Fact]
    public void FollowAncestor_AfterAncestorMoved_RewritesDescendantPath()
    {
        var zhejiang = Province();
        var other = Province("340000");
        var city = OrgUnit.Create("330100", "杭州市", OrgUnitKind.City, zhejiang);
        var county = OrgUnit.Create("330102", "上城区", OrgUnitKind.County, city);
        var oldCityPath = city.Path;

        city.Place(OrgUnitKind.City, other);
        county.FollowAncestor(oldCityPath, city.Path);

        city.Path.ShouldBe("/340000/330100/");
        county.Path.ShouldBe("/340000/330100/330102/");
        county.IsWithin(other).ShouldBeTrue();
        county.IsWithin(zhejiang).ShouldBeFalse();
    }

    [Fact]
    public void FollowAncestor_NotBelowOldPath_Throws()
    {
        var county = UnitOfKind(OrgUnitKind.County);

        Should.Throw<InvalidOperationException>(() => county.FollowAncestor("/340000/", "/350000/"));
    }

    [Fact]
    public void Rename_NewName_BumpsVersion_SameNameDoesNot()
    {
        var province = Province();

        province.Rename("浙江省");
        province.Rename("  浙江省 ");
        province.Version.ShouldBe(2);

        province.Rename("浙江省");
        province.Version.ShouldBe(2);
        province.Name.ShouldBe("浙江省");
    }

    [Fact]
    public void Rename_Blank_IsRefused() =>
        Should.Throw<DomainException>(() => Province().Rename("  ")).Field.ShouldBe("name");
}
