using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;

namespace CptLang.Laws.Tests.Fitting;

/// <summary>A leave-one-run-out fold keeps in the fit the rows of the left-out run that another
/// fitted run also logs, and predicts only the others.</summary>
public class LeaveOneRunOutTests
{
    static FitRun Run(string name, long[] steps, double loss) =>
        FitRun.Create(new ScheduleAreas(Plans.Single(new PlanSettings(), Plans.Constant(1_000, 1e-3)) with { Run = name }),
            "web", steps, [.. steps.Select(s => loss + s * 1e-6)]);

    [Fact]
    public void Shared_rows_move_to_a_run_that_logs_them_and_are_not_predicted()
    {
        var pretrain = Run("pretrain", [100, 200, 300], 3).WithSharedRows([["cpt_a"], ["cpt_a", "cpt_b"], []]);
        var cptA = Run("cpt_a", [400, 500], 2.5);
        var cptB = Run("cpt_b", [450], 2.4);
        var (fitted, predicted) = LeaveOneRunOut.Fold([pretrain, cptA, cptB], 0);

        // rows 100 and 200 go to cpt_a, the first fitted run that logs them; 300 is pretrain's own
        Assert.Equal([100L, 200, 400, 500], Enumerable.Range(0, fitted[0].Count).Select(fitted[0].StepAt));
        Assert.Equal([3.0001, 3.0002, 2.5004, 2.5005], fitted[0].Losses);
        Assert.Same(cptB, fitted[1]);
        var own = Assert.IsType<FitRun>(predicted);
        Assert.Equal([300L], Enumerable.Range(0, own.Count).Select(own.StepAt));
        Assert.Equal("pretrain", own.Name);
        // the areas are computed at the moved steps
        Assert.Equal(pretrain.Areas.S1pt[1], fitted[0].Areas.S1pt[1], 15);
    }

    [Fact]
    public void A_run_whose_every_row_is_shared_has_nothing_to_predict()
    {
        var pretrain = Run("pretrain", [100, 200], 3).WithSharedRows([["cpt_a"], ["cpt_a"]]);
        var (fitted, predicted) = LeaveOneRunOut.Fold([pretrain, Run("cpt_a", [400], 2.5)], 0);
        Assert.Null(predicted);
        Assert.Equal(3, fitted[0].Count);
    }

    [Fact]
    public void Without_shared_rows_the_fold_is_the_other_runs_and_the_run_itself()
    {
        var a = Run("a", [100, 200], 3);
        var b = Run("b", [150], 2.9);
        var c = Run("c", [250], 2.8);
        var (fitted, predicted) = LeaveOneRunOut.Fold([a, b, c], 1);
        Assert.Equal([a, c], fitted);
        Assert.Same(b, predicted);
    }

    [Fact]
    public void Leaving_out_the_run_that_dropped_its_copy_changes_nothing()
    {
        // the row at step 100 is kept in pretrain and was dropped from cpt_a's log: leaving cpt_a
        // out, the row is still fitted (it is pretrain's) and cpt_a's own rows are predicted
        var pretrain = Run("pretrain", [100], 3).WithSharedRows([["cpt_a"]]);
        var cptA = Run("cpt_a", [400], 2.5);
        var (fitted, predicted) = LeaveOneRunOut.Fold([pretrain, cptA], 1);
        Assert.Same(pretrain, fitted[0]);
        Assert.Same(cptA, predicted);
    }
}
