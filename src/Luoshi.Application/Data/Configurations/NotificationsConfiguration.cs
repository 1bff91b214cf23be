using Luoshi.Application.Notifications;
using Luoshi.Domain.Common;
using Luoshi.Domain.Notifications;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(Notification.KindMaxLength).IsRequired();
        b.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        b.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength);
        b.Property(x => x.ReadBy).HasMaxLength(Stamp.ActorMaxLength);
        b.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        b.Property(x => x.Key).HasMaxLength(Notification.KeyMaxLength);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Id });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupervisionItem>().WithMany().HasForeignKey(x => x.SupervisionItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Channel).HasMaxLength(40).IsRequired();
        b.Property(x => x.Recipient).HasMaxLength(100).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        b.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength).IsRequired();
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.ClaimToken).HasMaxLength(40);
        b.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SentAt, x.Id });
        b.HasIndex(x => new { x.Channel, x.Recipient, x.SentAt });
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("job_leases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Holder).HasMaxLength(200);
        b.Property(x => x.LastResult).HasMaxLength(1000);

        // The row exists before any server starts, so claiming is always an UPDATE.
        b.HasData(new JobLease { Name = JobLease.SupervisionDaily }, new JobLease { Name = JobLease.RemindersDaily });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        // The table the key ring has lived in since 2026-11 (migration DataProtectionKeys), unchanged: the package's
        // entity has the same columns, and a key without its XML was never written.
        b.ToTable("data_protection_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        b.Property(x => x.Xml).IsRequired();
    }
}
