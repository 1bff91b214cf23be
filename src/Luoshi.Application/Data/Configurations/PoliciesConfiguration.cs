using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> b)
    {
        b.ToTable("policies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Code.MaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Title).HasMaxLength(Policy.TitleMaxLength).IsRequired();
        b.Property(x => x.Package).HasMaxLength(Policy.PackageMaxLength).IsRequired();
        b.HasIndex(x => x.LeadDepartmentId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class PolicyMeasureConfiguration : IEntityTypeConfiguration<PolicyMeasure>
{
    public void Configure(EntityTypeBuilder<PolicyMeasure> b)
    {
        b.ToTable("policy_measures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Code.MaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Title).HasMaxLength(PolicyMeasure.TitleMaxLength).IsRequired();
        b.Property(x => x.Conditions).HasMaxLength(PolicyMeasure.ConditionsMaxLength);
        b.HasIndex(x => x.PolicyId);
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class PolicyCaseConfiguration : IEntityTypeConfiguration<PolicyCase>
{
    public void Configure(EntityTypeBuilder<PolicyCase> b)
    {
        b.ToTable("policy_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Enterprise).HasMaxLength(CreditCode.Length).IsFixedLength(false).IsRequired();
        b.Property(x => x.Name).HasMaxLength(PolicyCase.NameMaxLength).IsRequired();
        b.HasIndex(x => new { x.MeasureId, x.Enterprise, x.Applied }).IsUnique();
        b.HasIndex(x => x.Enterprise);
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne<PolicyMeasure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.UpdatedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.State);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PolicyCaseVersionConfiguration : IEntityTypeConfiguration<PolicyCaseVersion>
{
    public void Configure(EntityTypeBuilder<PolicyCaseVersion> b)
    {
        b.ToTable("policy_case_versions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CaseId, x.Version }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(PolicyCase.NameMaxLength).IsRequired();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Actor).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(Stamp.ReasonMaxLength);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.HasKey(x => x.Date);
    }
}
