using System.Text.RegularExpressions;
using CptExample;
using CptLang;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>
/// The example of docs/walkthrough-cpt.md (examples/cpt-from-logs): its logs are what the
/// generator writes, and the walkthrough's commands, read from the page itself, run on the
/// shipped files and give laws that predict the held-out runs within the logs' noise.
/// </summary>
public class CptFromLogsExampleTests
{
    static string Example => Path.Combine(Repository.Examples, "cpt-from-logs");

    [Fact]
    public void The_committed_logs_are_what_the_generator_writes()
    {
        var logs = LogGenerator.Generate(File.ReadAllText(Path.Combine(Example, "runs.cpt")));
        Assert.Equal(LogGenerator.LoggedRuns.Order(StringComparer.Ordinal), logs.Keys);
        Assert.Equal(logs.Keys.Select(r => r + ".csv"),
            Directory.GetFiles(Path.Combine(Example, "logs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (run, csv) in logs)
            Assert.True(csv == File.ReadAllText(Path.Combine(Example, "logs", run + ".csv")),
                $"logs/{run}.csv differs from what generate/ writes: run `dotnet run --project examples/cpt-from-logs/generate`");
        // every CPT log starts with the pre-training rows up to its checkpoint
        var pretrain = logs["pretrain"].Split('\n');
        foreach (var run in LogGenerator.LoggedRuns.Skip(1))
            Assert.Equal(pretrain[..100], logs[run].Split('\n')[..100]);
    }

    [Fact]
    public void The_walkthrough_runs_and_predicts_the_held_out_runs_within_the_noise()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(Example, "runs.cpt"), Path.Combine(dir.Path, "runs.cpt"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "logs"));
        foreach (var log in Directory.GetFiles(Path.Combine(Example, "logs")))
            File.Copy(log, Path.Combine(dir.Path, "logs", Path.GetFileName(log)));

        var commands = Commands();
        Assert.Contains(commands, c => c[0] == "fit" && c.Contains("web") && c.Contains("--write"));
        Assert.Contains(commands, c => c[0] == "fit" && c.Contains("code") && c.Contains("--write"));
        Assert.Contains(commands, c => c[0] == "predict");
        foreach (var command in commands)
        {
            // the page's paths are relative to the example: point them into the copy
            var args = command.Select(a => a == "runs.cpt" || a.EndsWith(".png") ? Path.Combine(dir.Path, a)
                : a.Replace("=logs/", "=" + Path.Combine(dir.Path, "logs") + Path.DirectorySeparatorChar)).ToArray();
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == 0, $"cptc {string.Join(' ', command)}: exit {result.ExitCode}\n{result.Error}");
        }

        // the fitted laws (written into the copy) against the held-out logs, after the switch
        var fitted = Compilation.Create(File.ReadAllText(Path.Combine(dir.Path, "runs.cpt")));
        Assert.False(fitted.HasErrors);
        // both blocks carry the uncertainty the page's `predict --interval` reads
        Assert.Equal(2, fitted.Bound.Laws.Count(law => law.Uncertainty is { IsValid: true }));
        var truth = Compilation.Create(LogGenerator.TrueLaws);
        double noise = Math.Sqrt(2 / Math.PI) * Math.Sqrt(LogGenerator.WhiteNoise * LogGenerator.WhiteNoise + LogGenerator.SlowNoise * LogGenerator.SlowNoise);
        foreach (var run in new[] { "cpt_c", "cpt_d" })
        {
            var plan = fitted.Plans.Single(p => p.Run == run);
            var predictor = new LossPredictor(plan, fitted.Laws);
            var exact = new LossPredictor(plan, truth.Laws);
            var rows = File.ReadAllLines(Path.Combine(Example, "logs", run + ".csv")).Skip(1).Select(l => l.Split(','))
                .Select(f => (Step: long.Parse(f[0]), General: double.Parse(f[2]), Domain: double.Parse(f[3])))
                .Where(r => r.Step > plan.SwitchStep).ToList();
            foreach (var (law, logged) in new (string, Func<(long Step, double General, double Domain), double>)[] { ("web", r => r.General), ("code", r => r.Domain) })
            {
                int i = predictor.IndexOf(law), t = exact.IndexOf(law);
                double mae = rows.Average(r => Math.Abs(predictor.LossAt(i, r.Step).Value - logged(r)));
                double level = noise * rows.Average(logged); // the mean absolute error of the noise alone
                Assert.True(mae < 2 * level, $"{law} on held-out {run}: MAE {mae:F5}, noise {level:F5}");
                double fromTruth = rows.Average(r => Math.Abs(predictor.LossAt(i, r.Step).Value - exact.LossAt(t, r.Step).Value));
                Assert.True(fromTruth < level, $"{law} on held-out {run}: {fromTruth:F5} from the true law, noise {level:F5}");
            }
        }
    }

    /// <summary>The cptc commands of docs/walkthrough-cpt.md (lines <c>$ cptc …</c>, continued
    /// by a trailing backslash), as argument lists.</summary>
    static List<string[]> Commands()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "walkthrough-cpt.md"));
        var commands = new List<string[]>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("$ cptc ")) continue;
            string text = lines[i][7..];
            while (text.EndsWith('\\')) text = text[..^1] + " " + lines[++i].Trim();
            commands.Add(Regex.Split(text.Trim(), @"\s+"));
        }
        return commands;
    }
}
