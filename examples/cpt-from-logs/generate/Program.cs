// Writes the training logs of examples/cpt-from-logs (docs/walkthrough-cpt.md):
//   dotnet run --project examples/cpt-from-logs/generate
// reads examples/cpt-from-logs/runs.cpt and (re)writes examples/cpt-from-logs/logs/*.csv.
// The logs are computed from a known law with seeded noise (LogGenerator.cs); a test
// (tests/Cptc.Tests/CptFromLogsExampleTests.cs) checks that the committed logs are what this writes.
using CptExample;

string example = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
string runs = Path.Combine(example, "runs.cpt");
LogGenerator.Write(File.ReadAllText(runs), Path.Combine(example, "logs"));
foreach (var run in LogGenerator.LoggedRuns)
    Console.WriteLine(Path.Combine(example, "logs", run + ".csv"));
