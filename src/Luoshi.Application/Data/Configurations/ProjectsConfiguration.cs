using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class MajorProjectConfiguration : IEntityTypeConfiguration<MajorProject>
{
    public void Configure(EntityTypeBuilder<MajorProject> b)
    {
        b.ToTable("projects");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Code.MaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(MajorProject.NameMaxLength).IsRequired();
        b.Property(x => x.Category).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ProjectPlanConfiguration : IEntityTypeConfiguration<ProjectPlan>
{
    public void Configure(EntityTypeBuilder<ProjectPlan> b)
    {
        b.ToTable("project_plans");
        b.HasKey(x => new { x.ProjectId, x.Year });
        b.HasOne<MajorProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectProgressConfiguration : IEntityTypeConfiguration<ProjectProgress>
{
    public void Configure(EntityTypeBuilder<ProjectProgress> b)
    {
        b.ToTable("project_progress");
        b.HasKey(x => new { x.ProjectId, x.Month });
        // The column keeps the text 2026-05 (see ProjectProgress.Month on why a range of months still queries as text).
        b.Property(x => x.Month).HasMaxLength(7).HasConversion(m => m.ToString(), s => Period.Parse(s));
        b.Property(x => x.Narrative).HasMaxLength(2000);
        b.HasOne<MajorProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
