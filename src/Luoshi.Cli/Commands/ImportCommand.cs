using System.CommandLine;
using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Application.Policies;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "orgs | indicators | targets | readings | plans | projects | project-plans | project-progress | policies | policy-measures | policy-cases | holidays" };
        kind.AcceptOnlyFromAmong("orgs", "indicators", "targets", "readings", "plans", "projects", "project-plans", "project-progress", "policies", "policy-measures", "policy-cases", "holidays");
        var file = new Argument<FileInfo>("file") { Description = Words.Of("CSV 文件(项目和政策各类也可为 .xlsx 模板)", "the CSV file (for the project and policy kinds also a filled .xlsx template)") };
        var dataDir = CliServices.DataDirOption();
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("import", Words.Of("导入CSV或项目、政策Excel模板(全部成功或全部不导入)", "import a CSV file or a project or policy template, all or nothing")) { kind, file, dataDir, format };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var path = parse.GetValue(file)!;
            var name = parse.GetValue(kind)!;
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            await using var stream = path.OpenRead();
            ImportSummary summary;
            if (name.StartsWith("project", StringComparison.Ordinal))
            {
                // A filled Excel template goes through the same checks as the CSV; any other file is read as CSV.
                var projectKind = ProjectFiles.ParseKind(name);
                summary = path.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
                    ? await scope.ServiceProvider.GetRequiredService<ProjectFiles>().Upload(projectKind, path.Name, stream, ct)
                    : await scope.ServiceProvider.GetRequiredService<ImportProjects>().FromCsv(projectKind, stream, ct);
            }
            else if (name is "policies" or "policy-measures" or "policy-cases" or "holidays")
            {
                var policyKind = ImportPolicies.ParseKind(name);
                summary = path.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
                    ? await scope.ServiceProvider.GetRequiredService<PolicyFiles>().Upload(policyKind, path.Name, stream, ct)
                    : await scope.ServiceProvider.GetRequiredService<ImportPolicies>().FromCsv(policyKind, stream, ct);
            }
            else
            {
                var import = scope.ServiceProvider.GetRequiredService<ImportData>();
                summary = await console.WithProgress(Words.Of($"导入 {path.Name}", $"importing {path.Name}"), p => import.FromCsv(Parsing.Enum<ImportKind>(name, "kind"), stream, p, ct));
            }

            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOptions.Default));
            }
            else
            {
                await console.Out.WriteLineAsync($"{summary.Kind}: {summary.Rows} 行/rows, {summary.Created} 新增/created, {summary.Updated} 更新/updated, {summary.Unchanged} 未变/unchanged");
            }

            return 0;
        }));
        return command;
    }
}
