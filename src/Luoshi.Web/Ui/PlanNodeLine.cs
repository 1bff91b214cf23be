namespace Luoshi.Web.Ui;

/// <summary>The model of one line of the plan tree: the node, the tree (for unit names) and whether its branch shows open.</summary>
public sealed record PlanNodeLine(PlanNode Node, PlanTree Tree, bool Open);
