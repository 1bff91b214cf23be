using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Domain.Projects;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> b)
    {
        b.ToTable("supervision_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(SupervisionItem.TitleMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(SupervisionItem.DescriptionMaxLength);
        b.Property(x => x.UnlinkedProject).HasMaxLength(SupervisionItem.ReferenceMaxLength);
        b.Property(x => x.UnlinkedDocument).HasMaxLength(SupervisionItem.ReferenceMaxLength);
        b.Property(x => x.SourceSentence).HasMaxLength(SupervisionItem.SourceSentenceMaxLength);
        b.Property(x => x.CauseKey).HasMaxLength(SupervisionItem.RuleKeyMaxLength);
        b.Property(x => x.RuleKey).HasMaxLength(SupervisionItem.RuleKeyMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsRunning);

        // A rule hit opens one item even when two servers run the rules at the same moment.
        b.HasIndex(x => x.RuleKey).IsUnique();
        b.HasIndex(x => x.CauseKey);
        b.HasIndex(x => new { x.State, x.Deadline });
        b.HasIndex(x => x.LeadUnitId);

        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.SupervisingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.IndicatorUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanItem>().WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MajorProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(x => x.SupportingUnits).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.SupportingUnits).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);

        // History is never deleted with (or without) its item.
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupervisionItemUnitConfiguration : IEntityTypeConfiguration<SupervisionItemUnit>
{
    public void Configure(EntityTypeBuilder<SupervisionItemUnit> b)
    {
        b.ToTable("supervision_item_supporting_units");
        b.HasKey(x => new { x.ItemId, x.OrgUnitId });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisionItemIndicatorConfiguration : IEntityTypeConfiguration<SupervisionItemIndicator>
{
    public void Configure(EntityTypeBuilder<SupervisionItemIndicator> b)
    {
        b.ToTable("supervision_item_indicators");
        b.HasKey(x => new { x.ItemId, x.IndicatorId, x.OrgUnitId });
        b.Property(x => x.FirstPeriod).HasMaxLength(10).IsRequired();
        b.Property(x => x.LastPeriod).HasMaxLength(10).IsRequired();
        b.Property(x => x.ReasonZh).HasMaxLength(SupervisionItem.ReasonMaxLength).IsRequired();
        b.Property(x => x.ReasonEn).HasMaxLength(SupervisionItem.ReasonMaxLength).IsRequired();

        // The rules ask, for every figure, which items list it.
        b.HasIndex(x => new { x.IndicatorId, x.OrgUnitId });
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisionRuleConfiguration : IEntityTypeConfiguration<SupervisionRule>
{
    public void Configure(EntityTypeBuilder<SupervisionRule> b)
    {
        b.ToTable("supervision_rules");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(SupervisionRule.CodeMaxLength).IsRequired();
        b.Property(x => x.Name).HasMaxLength(SupervisionRule.NameMaxLength).IsRequired();
        b.Property(x => x.PlanItemCode).HasMaxLength(Code.MaxLength);
        b.Property(x => x.UnitKindsText).HasMaxLength(100).IsRequired();
        b.Property(x => x.MinGapPoints).HasPrecision(10, 2);
        b.Property(x => x.CreatedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.UnitKinds);
        b.Ignore(x => x.FromSettings);
        b.Ignore(x => x.Definition);

        // Codes rather than keys: a rule names what it watches the way people do, and an indicator that is gone
        // simply stops matching.
        b.PrimitiveCollection(x => x.IndicatorCodes).HasField("_indicatorCodes").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
    }
}

internal sealed class SupervisionEventConfiguration : IEntityTypeConfiguration<SupervisionEvent>
{
    public void Configure(EntityTypeBuilder<SupervisionEvent> b)
    {
        b.ToTable("supervision_events");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ItemId, x.Seq }).IsUnique();
        b.Property(x => x.Actor).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(SupervisionItem.CommentMaxLength);

        // A list of short texts: a JSON array on SQLite, a text[] on PostgreSQL.
        b.PrimitiveCollection(x => x.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
    }
}
