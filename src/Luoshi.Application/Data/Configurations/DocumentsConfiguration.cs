using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(Document.TitleMaxLength).IsRequired();
        b.Property(x => x.Source).HasMaxLength(Document.SourceMaxLength).IsRequired();
        b.Property(x => x.Encoding).HasMaxLength(60).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Sha256).IsUnique();
        b.Property(x => x.Original).IsRequired();
        b.Property(x => x.Text).IsRequired();
        b.Property(x => x.Converter).HasMaxLength(60).IsRequired();
        b.Property(x => x.ExtractionJson).HasColumnName("Extraction").IsRequired();
        b.Property(x => x.IngestedBy).HasMaxLength(Stamp.ActorMaxLength).IsRequired();
        b.HasIndex(x => x.Date);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Terms).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Terms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DocumentItemConfiguration : IEntityTypeConfiguration<DocumentItem>
{
    public void Configure(EntityTypeBuilder<DocumentItem> b)
    {
        b.ToTable("document_items");
        b.HasKey(x => new { x.DocumentId, x.Number });
        b.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Data).IsRequired();
        b.Property(x => x.LinkedTo).HasMaxLength(120).HasConversion(l => l!.ToString(), s => ItemLink.Parse(s));
        b.Property(x => x.DecidedBy).HasMaxLength(Stamp.ActorMaxLength);
        b.Property(x => x.Note).HasMaxLength(Document.NoteMaxLength);
        b.HasIndex(x => new { x.DocumentId, x.Decision });
    }
}

internal sealed class DocumentTermConfiguration : IEntityTypeConfiguration<DocumentTerm>
{
    public void Configure(EntityTypeBuilder<DocumentTerm> b)
    {
        b.ToTable("document_terms");
        b.HasKey(x => new { x.DocumentId, x.Term });
        b.Property(x => x.Term).HasMaxLength(TermExtractor.MaxTermLength).IsRequired();
        b.HasIndex(x => x.Term);
    }
}
