using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Code.MaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(Indicator.UnitMaxLength).IsRequired();
        b.Property(x => x.FormulaText).HasColumnName("Formula").HasMaxLength(Formula.MaxLength);
        b.Property(x => x.ToleranceText).HasColumnName("Tolerance").HasMaxLength(20).IsRequired();
        b.Ignore(x => x.Tolerance);
        b.Ignore(x => x.Formula);
        b.Ignore(x => x.IsDerived);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.PlanLinks).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.PlanLinks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IndicatorPlanLinkConfiguration : IEntityTypeConfiguration<IndicatorPlanLink>
{
    public void Configure(EntityTypeBuilder<IndicatorPlanLink> b)
    {
        b.ToTable("indicator_plan_items");
        b.HasKey(x => new { x.IndicatorId, x.PlanItemId });
        b.HasOne<PlanItem>().WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("targets");
        b.HasKey(x => x.Id);
        b.Property(x => x.PeriodCode).HasColumnName("Period").HasMaxLength(7).IsRequired();
        b.Ignore(x => x.Period);
        b.HasIndex(x => new { x.IndicatorId, x.OrgUnitId, x.PeriodCode }).IsUnique();
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.UpdatedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        EvaluationChanges.Configure(b);
    }
}

internal sealed class TargetVersionConfiguration : IEntityTypeConfiguration<TargetVersion>
{
    public void Configure(EntityTypeBuilder<TargetVersion> b)
    {
        b.ToTable("target_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TargetId, x.Version }).IsUnique();
        b.Property(x => x.Actor).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(Stamp.ReasonMaxLength);
    }
}

internal sealed class ReadingConfiguration : IEntityTypeConfiguration<Reading>
{
    public void Configure(EntityTypeBuilder<Reading> b)
    {
        b.ToTable("readings");
        b.HasKey(x => x.Id);
        b.Property(x => x.PeriodCode).HasColumnName("Period").HasMaxLength(7).IsRequired();
        b.Ignore(x => x.Period);
        b.HasIndex(x => new { x.IndicatorId, x.OrgUnitId, x.PeriodCode }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.PeriodStart });
        b.HasIndex(x => x.PeriodStart);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Comment).HasMaxLength(Reading.CommentMaxLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.ReadingId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        EvaluationChanges.Configure(b);
    }
}

internal sealed class ReadingVersionConfiguration : IEntityTypeConfiguration<ReadingVersion>
{
    public void Configure(EntityTypeBuilder<ReadingVersion> b)
    {
        b.ToTable("reading_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ReadingId, x.Version }).IsUnique();
        b.Property(x => x.Comment).HasMaxLength(Reading.CommentMaxLength);
        b.Property(x => x.Actor).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(Stamp.ReasonMaxLength);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> b)
    {
        b.ToTable("settings");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Value).HasMaxLength(4000);
    }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.ToTable("data_versions");
        b.HasKey(x => x.Scope);
        b.Property(x => x.Scope).HasMaxLength(40);
        b.HasData(new DataVersion { Scope = DataVersion.Evaluation, Version = 0 });
    }
}
