using System.Text.Json;
using Luoshi.Application.Assessment;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class SchemeVersionConfiguration : IEntityTypeConfiguration<SchemeVersion>
{
    public void Configure(EntityTypeBuilder<SchemeVersion> b)
    {
        b.ToTable("assessment_schemes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(SchemeVersion.NameMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(Stamp.ActorMaxLength);
        b.HasIndex(x => new { x.Name, x.Year, x.Version }).IsUnique();
    }
}

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<AssessmentRun>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> b)
    {
        b.ToTable("assessment_runs");
        b.HasKey(x => x.Id);
        b.HasOne<SchemeVersion>().WithMany().HasForeignKey(x => x.SchemeVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessmentRun>().WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.InputsHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(Stamp.ActorMaxLength);
        b.Property(x => x.PublishedBy).HasMaxLength(Stamp.ActorMaxLength);

        // The accepted appeals, a list of adjustments, kept as JSON in the column that has always held them (null
        // while there are none), so that runs stored before the list was typed read as they were written.
        b.Ignore(x => x.Appeals);
        b.Property<IReadOnlyList<Adjustment>?>("_appeals")
            .HasColumnName("AppealReason")
            .HasMaxLength(2000)
            .HasConversion(
                v => JsonSerializer.Serialize(v, SchemeJson.Options),
                v => JsonSerializer.Deserialize<List<Adjustment>>(v, SchemeJson.Options) ?? new List<Adjustment>(),
                new ValueComparer<IReadOnlyList<Adjustment>?>(
                    (a, c) => a == null ? c == null : c != null && a.SequenceEqual(c),
                    v => v == null ? 0 : v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
                    v => v == null ? null : v.ToList()));
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
