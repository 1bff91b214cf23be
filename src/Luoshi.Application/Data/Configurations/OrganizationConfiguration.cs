using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Code.MaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(OrgUnit.NameMaxLength).IsRequired();
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.HasIndex(x => x.Path);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
