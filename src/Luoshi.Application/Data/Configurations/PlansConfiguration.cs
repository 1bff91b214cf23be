using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.ToTable("plan_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Code.MaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Title).HasMaxLength(PlanItem.TitleMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(PlanItem.DescriptionMaxLength);
        b.Property(x => x.SourceDocument).HasMaxLength(PlanItem.TitleMaxLength);
        b.Property(x => x.SourceSentence).HasMaxLength(PlanItem.SourceMaxLength);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.SupportingUnits).WithOne().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.SupportingUnits).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanItemSupportingUnitConfiguration : IEntityTypeConfiguration<PlanItemSupportingUnit>
{
    public void Configure(EntityTypeBuilder<PlanItemSupportingUnit> b)
    {
        b.ToTable("plan_item_supporting_units");
        b.HasKey(x => new { x.PlanItemId, x.OrgUnitId });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
