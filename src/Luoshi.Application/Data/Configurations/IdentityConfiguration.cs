using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(User.EmailMaxLength);
        b.Property(x => x.MutedKinds).HasMaxLength(User.MutedKindsMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Grants).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class UserGrantConfiguration : IEntityTypeConfiguration<UserGrant>
{
    public void Configure(EntityTypeBuilder<UserGrant> b)
    {
        b.ToTable("user_grants");
        b.HasKey(x => x.Id);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Hash).IsUnique();
        b.Property(x => x.Hint).HasMaxLength(20).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(x => x.Id);

        // Ids are given in chain order under the chain lock, so the order of the log is the order of the chain.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Actor).HasMaxLength(100).IsRequired();
        b.Property(x => x.Action).HasMaxLength(40).IsRequired();
        b.Property(x => x.Entity).HasMaxLength(60).IsRequired();
        b.Property(x => x.Key).HasMaxLength(400).IsRequired();
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.Property(x => x.Client).HasMaxLength(100);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();

        // The log is read newest first a page at a time (keyset on id): each filter has an index ending in id,
        // so a page is a short range scan whatever its depth. A date range uses the index on at.
        b.HasIndex(x => new { x.Actor, x.Id });
        b.HasIndex(x => new { x.Entity, x.Key, x.Id });
        b.HasIndex(x => new { x.Entity, x.Id });
        b.HasIndex(x => x.At);
    }
}
