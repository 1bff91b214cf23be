using Luoshi.Application.Demo;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Export;
using Luoshi.Application.Identity;
using Luoshi.Application.Import;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Application.Readings;
using Luoshi.Application.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luoshi.Application;

public static class ApplicationServices
{
    /// <summary>Registers every use case explicitly (no scanning), so the list below is the application's table of contents.</summary>
    public static IServiceCollection AddLuoshiApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ActorScope>();

        services.AddScoped<ListOrgUnits>();
        services.AddScoped<GetOrgUnit>();
        services.AddScoped<CreateOrgUnit>();
        services.AddScoped<UpdateOrgUnit>();

        services.AddScoped<ListPlanItems>();
        services.AddScoped<GetPlanItem>();
        services.AddScoped<SavePlanItem>();

        services.AddScoped<ListIndicators>();
        services.AddScoped<GetIndicator>();
        services.AddScoped<SaveIndicator>();
        services.AddScoped<ListTargets>();
        services.AddScoped<SetTarget>();

        services.AddScoped<WriteReading>();
        services.AddScoped<QueryReadings>();
        services.AddScoped<GetReadingHistory>();

        services.AddSingleton<EvaluationCache>();
        services.AddScoped<Evaluate>();
        services.AddScoped<EvaluatePlanTree>();
        services.AddScoped<CalendarChecks>();
        services.AddScoped<EvaluateIndicator>();

        services.AddScoped<GetReport>();
        services.AddScoped<ListReports>();
        services.AddScoped<TransitionReport>();
        services.AddScoped<ReportFiles>();
        services.AddScoped<Revisions>();
        services.AddScoped<TimelinessReport>();
        services.AddScoped<ReportingSetup>();

        services.AddScoped<AddUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<SignIn>();
        services.AddScoped<AuthenticateToken>();
        services.AddScoped<RefreshUser>();
        services.AddScoped<ManageTokens>();
        services.AddScoped<ReadAudit>();

        services.AddScoped<ImportData>();
        services.AddScoped<ExportReadings>();
        services.AddScoped<SeedDemo>();
        return services;
    }
}
