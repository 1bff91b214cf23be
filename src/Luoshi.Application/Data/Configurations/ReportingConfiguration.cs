using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.PeriodCode).HasColumnName("Period").HasMaxLength(7).IsRequired();
        b.Ignore(x => x.Period);
        b.Ignore(x => x.IsOpenForEntry);
        b.HasIndex(x => new { x.OrgUnitId, x.PeriodCode }).IsUnique();
        b.HasIndex(x => x.PeriodCode);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReportTransitionConfiguration : IEntityTypeConfiguration<ReportTransition>
{
    public void Configure(EntityTypeBuilder<ReportTransition> b)
    {
        b.ToTable("report_transitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Actor).HasMaxLength(100).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(1000);
    }
}

internal sealed class ReportingAssignmentConfiguration : IEntityTypeConfiguration<ReportingAssignment>
{
    public void Configure(EntityTypeBuilder<ReportingAssignment> b)
    {
        b.ToTable("reporting_assignments");
        b.HasKey(x => new { x.IndicatorId, x.OrgUnitId });
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> b)
    {
        b.ToTable("validation_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Expression).HasMaxLength(1000);
        b.Property(x => x.IndicatorCode).HasMaxLength(32);
        b.Property(x => x.Message).HasMaxLength(500).IsRequired();
        b.Ignore(x => x.Inputs);
    }
}

internal sealed class RevisionRequestConfiguration : IEntityTypeConfiguration<RevisionRequest>
{
    public void Configure(EntityTypeBuilder<RevisionRequest> b)
    {
        b.ToTable("revision_requests");
        b.HasKey(x => x.Id);
        b.HasOne<Reading>().WithMany().HasForeignKey(x => x.ReadingId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        b.Property(x => x.RequestedBy).HasMaxLength(100).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.DecisionComment).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.State);
    }
}
