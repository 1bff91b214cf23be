using Luoshi.Domain.Common;

namespace Luoshi.Web.Pages.Public;

/// <summary>The public portal's own words, Chinese first; the rest of the UI's strings (figures, statuses, periods) are shared.</summary>
public static class PublicText
{
    public static readonly Text Portal = new("公开数据", "Open data");
    public static readonly Text PortalLong = new("落实 · 公开数据门户", "Luoshi · Open data portal");
    public static readonly Text NavLabel = new("公开数据导航", "Open data navigation");
    public static readonly Text Home = new("首页", "Home");
    public static readonly Text Indicators = new("指标", "Indicators");
    public static readonly Text Assessment = new("考核通报", "Assessment results");
    public static readonly Text Policies = new("政策兑现", "Policy delivery");
    public static readonly Text Projects = new("重大项目", "Major projects");
    public static readonly Text Regions = new("各地区", "Regions");
    public static readonly Text DataAsOf = new("数据截至", "Data as of");
    public static readonly Text Feed = new("订阅更新(Atom)", "Updates feed (Atom)");
    public static readonly Text Catalog = new("数据目录(DCAT)", "Data catalog (DCAT)");
    public static readonly Text Footer = new("本站只发布经审核并公开的数据。", "Only approved data switched public is shown here.");

    public static readonly Text HomeTitle = new("主要指标", "Headline indicators");
    public static readonly Text HomeLead = new("以下为已公开的主要指标的最新已审核数值、目标和进度状态。", "The latest approved values of the published headline indicators, with their targets and progress status.");
    public static readonly Text Unit = new("单位", "Unit");
    public static readonly Text Show = new("查看", "Show");
    public static readonly Text Filter = new("筛选", "Filter");
    public static readonly Text NoHeadlines = new("该单位暂无已公开的指标数据。", "No published indicator has a value at this unit yet.");
    public static readonly Text Target = new("目标", "Target");
    public static readonly Text Reason = new("说明", "Reason");
    public static readonly Text More = new("更多", "More");
    public static readonly Text PublishedRuns = new("已发布的考核通报", "Published assessment results");
    public static readonly Text PublicPolicies = new("已公开政策", "Public policies");
    public static readonly Text PublicProjects = new("已公开重大项目", "Public major projects");
    public static readonly Text ViewAll = new("查看全部", "View all");

    public static readonly Text IndicatorList = new("公开指标", "Public indicators");
    public static readonly Text Code = new("代码", "Code");
    public static readonly Text Name = new("名称", "Name");
    public static readonly Text UnitOfMeasure = new("计量单位", "Unit of measure");
    public static readonly Text Frequency = new("频度", "Frequency");
    public static readonly Text PublishedSince = new("公开时间", "Published");
    public static readonly Text From = new("起始期间", "From");
    public static readonly Text To = new("截止期间", "To");
    public static readonly Text PeriodHint = new("格式如 2026、2026H1、2026Q3、2026-09,与指标频度一致", "e.g. 2026, 2026H1, 2026Q3, 2026-09, in the indicator's frequency");
    public static readonly Text Trend = new("走势", "Trend");
    public static readonly Text DataTable = new("数据表", "Data table");
    public static readonly Text Summary = new("文字摘要", "Summary");
    public static readonly Text Compared = new("下辖单位比较", "Units compared");
    public static readonly Text ComparedAt = new("期间", "Period");
    public static readonly Text NoData = new("所选期间尚无已审核数据。", "No approved value in the periods chosen.");
    public static readonly Text Download = new("下载数据", "Download data");
    public static readonly Text Embed = new("嵌入", "Embed");
    public static readonly Text EmbedHint = new("将以下代码粘贴到网页中,即可嵌入本图表及其数据表(保留当前筛选)。", "Paste this code into a web page to embed this chart with its data table (the current filters are kept).");
    public static readonly Text EmbedCode = new("嵌入代码", "Embed code");
    public static readonly Text Source = new("来源", "Source");
    public static readonly Text InputError = new("筛选条件有误", "A filter was refused");
    public static readonly Text Field = new("字段", "Field");
    public static readonly Text ChartOf = new("{0}在{1}的走势图,数据见下表", "Chart of {0} at {1}; the data are in the table below");

    public static readonly Text RunsTitle = new("综合考核结果通报", "Comprehensive assessment results");
    public static readonly Text NoRuns = new("尚无已发布的考核结果。", "No assessment result has been published yet.");
    public static readonly Text Scheme = new("考核方案", "Scheme");
    public static readonly Text Year = new("年度", "Year");
    public static readonly Text AsOf = new("数据截止日", "As of");
    public static readonly Text Announced = new("发布时间", "Announced");
    public static readonly Text Rank = new("名次", "Rank");
    public static readonly Text Score = new("得分", "Score");
    public static readonly Text Grade = new("等次", "Grade");
    public static readonly Text Vetoed = new("一票否决", "Vetoed");
    public static readonly Text Ranking = new("排名", "Ranking");
    public static readonly Text Period = new("考核期间", "Period");

    public static readonly Text Package = new("政策包", "Package");
    public static readonly Text AllPackages = new("全部政策包", "All packages");
    public static readonly Text Lead = new("牵头部门", "Lead department");
    public static readonly Text Issued = new("发布日期", "Issued");
    public static readonly Text Approved = new("已核准金额(万元)", "Approved (10k yuan)");
    public static readonly Text Paid = new("已兑现金额(万元)", "Paid (10k yuan)");
    public static readonly Text PayoutRate = new("兑现率", "Payout rate");
    public static readonly Text DaysToPay = new("平均兑现天数", "Average days to pay");
    public static readonly Text OnTime = new("按时兑现率", "Paid on time");
    public static readonly Text Overdue = new("逾期件数", "Overdue");
    public static readonly Text Measures = new("政策措施", "Measures");
    public static readonly Text Measure = new("措施", "Measure");
    public static readonly Text TimeLimit = new("承诺时限(天)", "Time limit (days)");
    public static readonly Text Department = new("责任部门", "Department");
    public static readonly Text Curve = new("兑现进度", "Payout over time");
    public static readonly Text Month = new("月份", "Month");
    public static readonly Text CurvePaid = new("累计已兑现", "Paid to date");
    public static readonly Text CurveApproved = new("累计已核准", "Approved to date");
    public static readonly Text TenThousandYuan = new("万元", "10k yuan");
    public static readonly Text NoPolicies = new("暂无已公开的政策。", "No policy has been published yet.");
    public static readonly Text CurveLabel = new("{0}的兑现进度图,数据见下表", "Payout chart of {0}; the data are in the table below");

    public static readonly Text Category = new("类别", "Category");
    public static readonly Text AllCategories = new("全部类别", "All categories");
    public static readonly Text Stage = new("阶段", "Stage");
    public static readonly Text AllStages = new("全部阶段", "All stages");
    public static readonly Text Search = new("搜索", "Search");
    public static readonly Text Region = new("地区", "Region");
    public static readonly Text AllRegions = new("全部地区", "All regions");
    public static readonly Text TotalInvestment = new("总投资(亿元)", "Total investment (100M yuan)");
    public static readonly Text AnnualPlan = new("年度计划(亿元)", "Annual plan (100M yuan)");
    public static readonly Text Completed = new("年度完成(亿元)", "Completed this year (100M yuan)");
    public static readonly Text CompletionRate = new("完成率", "Completion");
    public static readonly Text PlannedPeriod = new("计划工期", "Planned");
    public static readonly Text StartStatus = new("开工情况", "Start");
    public static readonly Text Matched = new("共 {0} 个项目", "{0} projects");
    public static readonly Text Previous = new("上一页", "Previous");
    public static readonly Text Next = new("下一页", "Next");
    public static readonly Text PageOf = new("第 {0} / {1} 页", "Page {0} of {1}");
    public static readonly Text NoProjects = new("没有符合条件的公开项目。", "No public project matches.");

    public static readonly Text RegionsTitle = new("各地区公开指标与重大项目", "Public indicators and major projects by region");
    public static readonly Text RegionsLead = new("各地区公开指标最新期的状态分布,以及已公开重大项目的数量和总投资。", "For each region: its public indicators' latest statuses, and the number and total investment of its public major projects.");
    public static readonly Text ProjectCount = new("公开项目数", "Public projects");
    public static readonly Text RegionsChart = new("各地区指标状态分布图,数据见下表", "Chart of statuses by region; the data are in the table below");
    public static readonly Text NoRegions = new("该单位没有下辖地区。", "This unit has no regions under it.");

    public static readonly Text PublishState = new("门户公开", "Open data portal");
    public static readonly Text PublishedSinceAt = new("已公开,自 {0} 起", "Public since {0}");
    public static readonly Text NotPublished = new("未公开", "Not public");
    public static readonly Text PublishOn = new("公开到门户", "Publish on the portal");
    public static readonly Text PublishOff = new("取消公开", "Withdraw from the portal");
    public static readonly Text ViewPublic = new("查看公开页面", "View the public page");

    public static string Format(Text text, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, text.ToString(), args);
}
